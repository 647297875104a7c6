-- Loads 100,000 orders into one workspace, spread over two years, in realistic state proportions, with their
-- creation history entries, then rebuilds that workspace's per-state counters and vacuums (so that the list's
-- index-only scans see an all-visible table, as autovacuum leaves a real one).
--
-- psql "$DATABASE" -v workspace=<workspace uuid> -v aoi=<aoi uuid> -v n=100000 -f load-100k.sql

\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 100000
\endif

BEGIN;

INSERT INTO order_batches (id, organization_id, use_case, comment, created_by, created)
SELECT gen_random_uuid(), :'workspace', 'Yield Prediction', 'bench load', id, now()
FROM users WHERE organization_id = :'workspace' LIMIT 1;

WITH batch AS (SELECT id FROM order_batches WHERE organization_id = :'workspace' AND comment = 'bench load'
               ORDER BY created DESC LIMIT 1),
     generated AS (
         SELECT gen_random_uuid() AS id, i,
                now() - interval '730 days' + (i * interval '730 days' / :n) AS created,
                CASE WHEN i % 20 < 12 THEN 'in_progress'
                     WHEN i % 20 < 16 THEN 'closed'
                     WHEN i % 20 < 18 THEN 'initial_state'
                     WHEN i % 20 = 18 THEN 'rejected'
                     ELSE 'cancelled' END AS state
         FROM generate_series(1, :n) AS i)
INSERT INTO orders (id, organization_id, batch_id, area_of_interest_id, product_name, start_date, end_date, frequency,
                    comment, tags, maximum_number_of_images, product_options, use_case, state, rejection_reason,
                    created, updated)
SELECT g.id, :'workspace', batch.id, :'aoi',
       (ARRAY['LSTprecision', 'LSTzoom', 'LSTfusion'])[1 + g.i % 3],
       g.created + interval '10 days', g.created + interval '40 days',
       (ARRAY['monthly', 'weekly', 'daily'])[1 + g.i % 3],
       'bench order ' || g.i,
       CASE WHEN g.i % 7 = 0 THEN ARRAY['wheat'] ELSE '{}' END,
       NULL, '{}', 'Yield Prediction', g.state,
       CASE WHEN g.state = 'rejected' THEN 'outside coverage' END,
       g.created, g.created
FROM generated g, batch;

INSERT INTO order_history (order_id, from_state, to_state, at, actor, reason)
SELECT id, NULL, 'initial_state', created, 'bench', 'order placed'
FROM orders WHERE organization_id = :'workspace' AND comment LIKE 'bench order %';

DELETE FROM order_counts WHERE organization_id = :'workspace';
INSERT INTO order_counts (organization_id, state, n)
SELECT organization_id, state, count(*) FROM orders WHERE organization_id = :'workspace'
GROUP BY organization_id, state;

COMMIT;

VACUUM ANALYZE orders;
VACUUM ANALYZE order_history;
VACUUM ANALYZE order_counts;
