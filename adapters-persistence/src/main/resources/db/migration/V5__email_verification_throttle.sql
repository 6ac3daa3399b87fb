-- Gatehouse schema, version 5: throttling of verification e-mails. Forward-only; never edit an applied migration.

-- POST /auth/email-verification per account, in hourly windows: one row per account that asked, updated in
-- place, gone with the account. Bounded by the number of accounts, so housekeeping needs not purge it.
CREATE TABLE email_verification_window (
    user_id      uuid        PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    window_start timestamptz NOT NULL,
    requests     integer     NOT NULL CHECK (requests > 0)
);
