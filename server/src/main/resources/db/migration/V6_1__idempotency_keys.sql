-- Responses of POST requests sent with an Idempotency-Key, replayed to retries of the same request.
CREATE TABLE idempotency_keys (
    organization_id uuid        NOT NULL REFERENCES organizations,
    scope           text        NOT NULL,
    key             text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          integer,
    response_body   text,
    created         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created);
