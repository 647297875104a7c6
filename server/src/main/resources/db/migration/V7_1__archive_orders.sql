-- No minimum lead time (NULL) means that the start may lie in the past: an archive order, whose past days are
-- delivered at once. LSTfusion has no order period restrictions (guide, "Create Orders in Batch").
ALTER TABLE products ALTER COLUMN min_lead_days DROP NOT NULL;
ALTER TABLE products ALTER COLUMN min_lead_days DROP DEFAULT;
UPDATE products SET min_lead_days = NULL WHERE name = 'LSTfusion' AND min_lead_days = 0;
