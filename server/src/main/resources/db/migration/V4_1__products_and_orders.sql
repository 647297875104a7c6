-- Products and their ordering rules as data (PRODUCT.md §1: operators change them), per-workspace
-- availability, orders with their state history, and the counters that keep exact list counts cheap.

CREATE TABLE products (
    name              text PRIMARY KEY,
    title             text             NOT NULL,
    description       text             NOT NULL,
    -- pixel size of the delivered LST in metres
    resolution_m      double precision NOT NULL CHECK (resolution_m > 0),
    -- AOI bounding box limits in metres (PRODUCT.md's UTM figures); null means no limit
    max_bbox_width_m  double precision CHECK (max_bbox_width_m > 0),
    max_bbox_height_m double precision CHECK (max_bbox_height_m > 0),
    -- whole UTC calendar days between the order's creation date and its start date
    min_lead_days     integer          NOT NULL DEFAULT 0 CHECK (min_lead_days >= 0),
    -- order period bounds in days; null means no bound
    min_period_days   integer CHECK (min_period_days >= 0),
    max_period_days   integer CHECK (max_period_days > 0),
    frequencies       text[]           NOT NULL,
    -- warranted coverage: automatic validation rejects AOIs outside this latitude band
    coverage_min_lat  double precision NOT NULL CHECK (coverage_min_lat BETWEEN -90 AND 90),
    coverage_max_lat  double precision NOT NULL CHECK (coverage_max_lat BETWEEN -90 AND 90),
    -- boolean options an order may switch on in product_options
    options           text[]           NOT NULL DEFAULT '{}',
    position          integer          NOT NULL,
    CHECK (coverage_min_lat < coverage_max_lat),
    CHECK (min_period_days IS NULL OR max_period_days IS NULL OR min_period_days <= max_period_days)
);

INSERT INTO products (name, title, description, resolution_m, max_bbox_width_m, max_bbox_height_m, min_lead_days,
                      min_period_days, max_period_days, frequencies, coverage_min_lat, coverage_max_lat, options,
                      position)
VALUES ('LSTprecision', 'LSTprecision',
        'Land surface temperature from the thermal constellation, 30 m (10 m with the sharpened option)',
        30, 15000, 15000, 8, 7, 365,
        '{single_image,max_frequency,once_every_two_weeks,monthly,weekly}', -50, 55, '{sharpened_10m}', 1),
       ('LSTzoom', 'LSTzoom', 'LSTprecision super-resolved to 10 m',
        10, 15000, 15000, 8, 7, 365,
        '{single_image,max_frequency,once_every_two_weeks,monthly,weekly}', -50, 55, '{}', 2),
       ('LSTfusion', 'LSTfusion',
        'Daily LST at 30 m for 11:00 local time, fused from public missions (Landsat, MODIS, VIIRS)',
        30, NULL, NULL, 0, NULL, NULL, '{daily}', -50, 55, '{}', 3);

-- Every product is available to every workspace unless the operator switched it off here.
CREATE TABLE disabled_products (
    organization_id uuid NOT NULL REFERENCES organizations ON DELETE CASCADE,
    product_name    text NOT NULL REFERENCES products ON UPDATE CASCADE,
    PRIMARY KEY (organization_id, product_name)
);

-- Per-workspace override of isotherm.orders.manual-review (hold new orders for an operator).
CREATE TABLE order_review_settings (
    organization_id uuid PRIMARY KEY REFERENCES organizations ON DELETE CASCADE,
    manual_review   boolean NOT NULL
);

CREATE TABLE order_batches (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations,
    use_case        text        NOT NULL,
    comment         text,
    created_by      uuid        NOT NULL,
    created         timestamptz NOT NULL
);

CREATE TABLE orders (
    id                       uuid PRIMARY KEY,
    organization_id          uuid        NOT NULL REFERENCES organizations,
    batch_id                 uuid        NOT NULL REFERENCES order_batches,
    -- no foreign key: an AOI may be deleted once its orders are finished, their history stays
    area_of_interest_id      uuid        NOT NULL,
    product_name             text        NOT NULL REFERENCES products ON UPDATE CASCADE,
    start_date               timestamptz NOT NULL,
    end_date                 timestamptz NOT NULL,
    frequency                text        NOT NULL,
    comment                  text,
    tags                     text[]      NOT NULL DEFAULT '{}',
    illumination_constraint  text CHECK (illumination_constraint IN ('day', 'night')),
    maximum_number_of_images integer CHECK (maximum_number_of_images >= 1),
    product_options          jsonb       NOT NULL DEFAULT '{}',
    -- the batch's use case, kept on each order so that reading an order needs no join
    use_case                 text        NOT NULL,
    state                    text        NOT NULL CHECK (state IN ('initial_state', 'in_progress', 'rejected',
                                                                    'closing', 'closed', 'cancelled')),
    rejection_reason         text,
    created                  timestamptz NOT NULL,
    updated                  timestamptz NOT NULL,
    CHECK (end_date > start_date)
);
-- the list's two hot paths (all orders, one state), both newest first; id breaks ties
CREATE INDEX orders_created_idx ON orders (organization_id, created DESC, id DESC);
CREATE INDEX orders_state_created_idx ON orders (organization_id, state, created DESC, id DESC);
CREATE INDEX orders_aoi_idx ON orders (organization_id, area_of_interest_id, created DESC);
CREATE INDEX orders_product_idx ON orders (organization_id, product_name, created DESC);
CREATE INDEX orders_tags_idx ON orders USING gin (tags);
CREATE INDEX orders_batch_idx ON orders (batch_id);
-- the operator's review queue across workspaces (GET /admin/orders?state=initial_state)
CREATE INDEX orders_waiting_idx ON orders (created DESC, id DESC) WHERE state = 'initial_state';

CREATE TABLE order_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   uuid        NOT NULL REFERENCES orders ON DELETE CASCADE,
    from_state text,
    to_state   text        NOT NULL,
    at         timestamptz NOT NULL,
    -- 'system' for automatic validation, otherwise the e-mail of the person (or operator) who acted
    actor      text        NOT NULL,
    reason     text
);
CREATE INDEX order_history_order_idx ON order_history (order_id, id);

-- Exact per-workspace, per-state order counts, changed in the transaction that changes the orders, so that
-- GET /orders answers its total without counting 100,000 rows.
CREATE TABLE order_counts (
    organization_id uuid    NOT NULL REFERENCES organizations ON DELETE CASCADE,
    state           text    NOT NULL,
    -- no CHECK (n >= 0): PostgreSQL checks the proposed row of an upsert, and decrements are upserts
    n               bigint  NOT NULL,
    PRIMARY KEY (organization_id, state)
);
