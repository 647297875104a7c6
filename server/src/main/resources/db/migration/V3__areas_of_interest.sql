-- Areas of interest: the geometry as the client sent it, plus what ordering and fulfilment read without
-- parsing it again (UTM bbox sizes and area, lon/lat bounds).

CREATE TABLE areas_of_interest (
    id              uuid PRIMARY KEY,
    organization_id uuid             NOT NULL REFERENCES organizations,
    name            text             NOT NULL,
    description     text,
    -- the GeoJSON object sent (geometry, Feature or FeatureCollection), returned as is
    geometry        jsonb            NOT NULL,
    bbox_width      double precision NOT NULL,
    bbox_height     double precision NOT NULL,
    area            double precision NOT NULL,
    min_lon         double precision NOT NULL,
    min_lat         double precision NOT NULL,
    max_lon         double precision NOT NULL,
    max_lat         double precision NOT NULL,
    created         timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT areas_of_interest_name_key UNIQUE (organization_id, name)
);
CREATE INDEX areas_of_interest_created_idx ON areas_of_interest (organization_id, created DESC, id);
