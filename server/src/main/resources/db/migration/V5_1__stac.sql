-- STAC catalogue: collections per workspace and their items, kept whole as jsonb plus the columns search needs.
-- btree_gist (a contrib module shipped with PostgreSQL, trusted since PostgreSQL 13) lets one GiST index hold the
-- box, the collection and the time and number columns, so a bbox + datetime + cloud cover search with its exact
-- count is an index-only scan. No PostGIS.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE stac_collections (
    -- internal key the items and their indexes use: small, and unique across workspaces
    key          serial PRIMARY KEY,
    workspace_id uuid        NOT NULL REFERENCES organizations,
    id           text        NOT NULL,
    -- an operator made it visible to every workspace (demo data)
    public       boolean     NOT NULL DEFAULT false,
    -- the collection as sent, without its links (built per request) and extent (kept below)
    content      jsonb       NOT NULL,
    -- extent of the items ever stored (grows on insert; a delete leaves it covering, not tight)
    min_lon      double precision,
    min_lat      double precision,
    max_lon      double precision,
    max_lat      double precision,
    min_datetime timestamptz,
    max_datetime timestamptz,
    created      timestamptz NOT NULL DEFAULT now(),
    updated      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stac_collections_id_key UNIQUE (workspace_id, id)
);
CREATE INDEX stac_collections_public_idx ON stac_collections (id) WHERE public;

CREATE TABLE stac_items (
    collection_key  integer          NOT NULL REFERENCES stac_collections ON DELETE CASCADE,
    id              text             NOT NULL,
    -- properties.datetime, or start_datetime when datetime is null: the default sort key
    datetime        timestamptz      NOT NULL,
    start_datetime  timestamptz      NOT NULL,
    end_datetime    timestamptz      NOT NULL,
    -- lon/lat bounding box of the geometry: the spatial prefilter
    bbox            box              NOT NULL,
    -- geometry is a point or an axis-parallel rectangle, so box predicates on it are exact
    rectangular     boolean          NOT NULL,
    -- the outer ring when the geometry is one polygon without holes: PostgreSQL's polygon && is exact on it
    footprint       polygon,
    cloud_cover     double precision,
    gsd             double precision,
    platform        text,
    order_id        text,
    -- the item as stored, without "links" (built per request); other links the client sent are kept apart
    content         jsonb            NOT NULL,
    links           jsonb            NOT NULL DEFAULT '[]',
    updated         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (collection_key, id)
);
-- box first: it prunes best; then collection and the filterable columns, with id for keyset paging, so that
-- page and count come from the index alone
CREATE INDEX stac_items_search_idx ON stac_items
    USING gist (bbox, collection_key, start_datetime, end_datetime, cloud_cover) INCLUDE (datetime, id, rectangular);
-- searches without a box: collection + time order, and keyset paging on (datetime, id)
CREATE INDEX stac_items_datetime_idx ON stac_items (collection_key, datetime DESC, id DESC);
CREATE INDEX stac_items_order_idx ON stac_items (order_id) WHERE order_id IS NOT NULL;
