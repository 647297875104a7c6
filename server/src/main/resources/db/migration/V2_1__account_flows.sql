-- Everything an account flow sends or hands out: the mail outbox and the one-time links of e-mails.

-- Every e-mail the platform sends, kept whether or not SMTP is configured: on the embedded platform this is how a
-- local user reads their confirmation link (operator: GET /admin/outbox).
CREATE TABLE mail_outbox (
    id        uuid PRIMARY KEY,
    recipient text        NOT NULL,
    subject   text        NOT NULL,
    body      text        NOT NULL,
    -- stored: no SMTP configured; pending: handed to SMTP after commit; sent / failed: what SMTP answered
    status    text        NOT NULL CHECK (status IN ('stored', 'pending', 'sent', 'failed')),
    error     text,
    sent_at   timestamptz,
    created   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created DESC);
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (lower(recipient), created DESC);

-- One-time links (confirm an address, reset a password, accept an invitation). Only a SHA-256 of the token is kept,
-- so a database leak hands out no usable link.
CREATE TABLE account_tokens (
    token_hash bytea PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('confirm', 'reset', 'invite')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose) WHERE used_at IS NULL;
