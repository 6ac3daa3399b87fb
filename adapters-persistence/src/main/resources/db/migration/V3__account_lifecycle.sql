-- Gatehouse schema, version 3: the account lifecycle (e-mail verification, password reset and change,
-- account deletion, ended sessions with their reason). Forward-only, like every migration.

ALTER TABLE user_account ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- The reasons a session can be revoked for. Expiry (idle or absolute) is not stored: it follows from the
-- family's instants, so a session that expired keeps idle_expires_at as the moment it ended.
ALTER TABLE refresh_family DROP CONSTRAINT refresh_family_revocation_reason_check;
ALTER TABLE refresh_family ADD CONSTRAINT refresh_family_revocation_reason_check CHECK (revocation_reason IN
    ('SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'SESSION_DELETED', 'TOKEN_REVOKED', 'REUSE_DETECTED',
     'PASSWORD_CHANGED', 'PASSWORD_RESET', 'ACCOUNT_DISABLED', 'ADMIN'));

-- Tokens of e-mail links: only an HMAC of the token is stored, never the token. One per account and
-- purpose (a new link replaces the old one). Rows without a user are decoys written for unknown e-mail
-- addresses, so that a reset request costs the same whether or not an account has the address.
CREATE TABLE email_token (
    token_hash text        PRIMARY KEY,
    user_id    uuid        REFERENCES user_account (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT email_token_lifetime CHECK (expires_at > created_at),
    CONSTRAINT email_token_one_per_purpose UNIQUE (user_id, purpose)
);
CREATE INDEX email_token_expiry_idx ON email_token (expires_at);

-- Password-reset throttling, shared by every instance: per e-mail address, whether or not an account has
-- it, keyed by its pseudonym (never the address), in hourly windows; per client network in address_window.
CREATE TABLE password_reset_window (
    email        text        PRIMARY KEY CHECK (length(email) <= 64),
    window_start timestamptz NOT NULL,
    requests     integer     NOT NULL CHECK (requests > 0)
);
ALTER TABLE address_window DROP CONSTRAINT address_window_purpose_check;
ALTER TABLE address_window ADD CONSTRAINT address_window_purpose_check
    CHECK (purpose IN ('SIGN_IN', 'REGISTRATION', 'PASSWORD_RESET'));
