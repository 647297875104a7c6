-- Workspaces (organizations), their users, API keys and the key that signs every node's tokens.

CREATE TABLE organizations (
    id      uuid PRIMARY KEY,
    name    text        NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

-- A person may sign up only with an e-mail whose domain is registered here (lower case).
CREATE TABLE organization_domains (
    domain          text PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations ON DELETE CASCADE
);
CREATE INDEX organization_domains_organization_idx ON organization_domains (organization_id);

CREATE TABLE users (
    id                      uuid PRIMARY KEY,
    organization_id         uuid        NOT NULL REFERENCES organizations,
    email                   text        NOT NULL,
    name                    text        NOT NULL DEFAULT '',
    -- null until the person sets one (invitation)
    password_hash           text,
    role                    text        NOT NULL CHECK (role IN ('viewer', 'member', 'admin', 'operator')),
    confirmed_at            timestamptz,
    password_reset_required boolean     NOT NULL DEFAULT false,
    -- bumped whenever earlier tokens must stop working (password change, removal)
    token_version           integer     NOT NULL DEFAULT 0,
    disabled_at             timestamptz,
    created                 timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_organization_idx ON users (organization_id, created);

CREATE TABLE signing_keys (
    id      text PRIMARY KEY,
    secret  bytea       NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations,
    created_by      uuid        NOT NULL REFERENCES users,
    name            text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('viewer', 'member', 'admin', 'ingest')),
    -- the public part of the key, used to find the row; the secret is only stored as a SHA-256 hash
    prefix          text        NOT NULL UNIQUE,
    secret_hash     bytea       NOT NULL,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    created         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id, created);
CREATE INDEX api_keys_created_by_idx ON api_keys (created_by) WHERE revoked_at IS NULL;
