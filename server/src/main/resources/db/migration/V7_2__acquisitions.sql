-- The acquisitions planned for a started order (fulfilment), one row per window, in the transaction that starts
-- the order. Later candidates of a window (passes standing by for a cloudy one) are kept with it.
CREATE TABLE acquisitions (
    order_id     uuid        NOT NULL REFERENCES orders ON DELETE CASCADE,
    seq          integer     NOT NULL CHECK (seq >= 0),
    workspace_id uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    planned_time timestamptz NOT NULL,
    satellite    text        NOT NULL,
    day          boolean     NOT NULL,
    fallbacks    jsonb       NOT NULL DEFAULT '[]',
    state        text        NOT NULL DEFAULT 'planned'
        CHECK (state IN ('planned', 'delivered', 'skipped', 'failed', 'cancelled')),
    stac_item_id text,
    reason       text,
    updated      timestamptz NOT NULL,
    PRIMARY KEY (order_id, seq)
);
