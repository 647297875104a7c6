-- Deleting an AOI keeps its row (orders that used it, closed or cancelled, still point at it) and frees its name:
-- names are unique among the AOIs not deleted. Whether the client sent `geometry` or `geojson` is kept so that
-- reads answer in the form the client chose.

ALTER TABLE areas_of_interest ADD COLUMN deleted timestamptz;
ALTER TABLE areas_of_interest ADD COLUMN sent_as text NOT NULL DEFAULT 'geometry'
    CHECK (sent_as IN ('geometry', 'geojson'));
ALTER TABLE areas_of_interest DROP CONSTRAINT areas_of_interest_name_key;
CREATE UNIQUE INDEX areas_of_interest_name_key ON areas_of_interest (organization_id, name) WHERE deleted IS NULL;
DROP INDEX areas_of_interest_created_idx;
CREATE INDEX areas_of_interest_created_idx ON areas_of_interest (organization_id, created DESC, id)
    WHERE deleted IS NULL;
