-- Housekeeping: mail delivery retried with backoff, and indexes for the daily purge.

-- attempts: SMTP deliveries started so far; next_attempt_at: when a pending e-mail may be (re)tried. A sender claims
-- a row by raising both in one conditional UPDATE, so two nodes never send the same e-mail at once.
ALTER TABLE mail_outbox
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz;
-- e-mails left pending before this migration (a crash between commit and send) are retried at once
UPDATE mail_outbox SET next_attempt_at = created WHERE status = 'pending';
-- what the retry task looks for: due pending e-mails, oldest first
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
-- GET /admin/outbox?status=... (newest first), and its count
CREATE INDEX mail_outbox_status_idx ON mail_outbox (status, created DESC);

-- The purge deletes links used or expired long enough ago: least() skips a NULL used_at, so this is the earlier of
-- the two moments a link stopped being usable.
CREATE INDEX account_tokens_spent_idx ON account_tokens (least(used_at, expires_at));
