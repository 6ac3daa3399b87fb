-- Gatehouse schema, version 7: the durable mail outbox. Forward-only; never edit an applied migration.

-- E-mails accepted and not yet sent or given up (docs/adr/0010-durable-mail-outbox.md). The content (recipient,
-- subject, body with a link's token) is AES-256-GCM ciphertext under a key derived from the refresh secret named by
-- key_id, so that reading this table yields no usable link. recipient (canonical, as user_account.email) is in
-- clear for the erasure of an account only; mail goes to the address inside the content. A row is due at due_at:
-- a claim moves it to the end of the claim's lease, a failed attempt to the next retry. Rows sent or given up are
-- deleted; the outbox refuses new rows beyond gatehouse.mail.queue-capacity, so the table stays small.
CREATE TABLE outgoing_mail (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    recipient  text        NOT NULL,
    key_id     text        NOT NULL CHECK (length(key_id) BETWEEN 1 AND 40),
    content    bytea       NOT NULL,
    expires_at timestamptz,
    attempts   integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    due_at     timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);

-- The claim: the oldest due rows first.
CREATE INDEX outgoing_mail_due_idx ON outgoing_mail (due_at);
-- The erasure of an account: its address's rows.
CREATE INDEX outgoing_mail_recipient_idx ON outgoing_mail (recipient);
