-- Gatehouse schema, version 1. Owned by Flyway; never edit an applied migration, add a new one.

CREATE TABLE user_account (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    -- the application stores the canonical form (trimmed, lower-case ASCII); uniqueness is on it
    CONSTRAINT user_account_email_canonical CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
    CONSTRAINT user_account_name_length CHECK (length(name) BETWEEN 1 AND 200)
);
CREATE UNIQUE INDEX user_account_email_key ON user_account (email);

-- One row per session (refresh-token family), not per token: a refresh is one conditional UPDATE of it.
-- No token material is stored: a token is <id>.<generation>.<HMAC under a server-side secret>.
CREATE TABLE refresh_family (
    id                  uuid PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    client_id           text        NOT NULL,
    generation          bigint      NOT NULL CHECK (generation >= 0),
    state               text        NOT NULL CHECK (state IN ('active', 'revoked')),
    revocation_reason   text        CHECK (revocation_reason IN
                            ('SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'SESSION_DELETED', 'TOKEN_REVOKED', 'REUSE_DETECTED')),
    revoked_at          timestamptz,
    created_at          timestamptz NOT NULL,
    rotated_at          timestamptz NOT NULL,
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    user_agent          text        NOT NULL DEFAULT '',
    CONSTRAINT refresh_family_revocation CHECK (
        (state = 'active' AND revoked_at IS NULL AND revocation_reason IS NULL)
        OR (state = 'revoked' AND revoked_at IS NOT NULL AND revocation_reason IS NOT NULL)),
    CONSTRAINT refresh_family_instants CHECK (rotated_at >= created_at AND idle_expires_at <= absolute_expires_at)
) WITH (fillfactor = 80); -- room for HOT updates: rotation changes no indexed column
CREATE INDEX refresh_family_user_idx ON refresh_family (user_id);

CREATE TABLE security_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    user_id     uuid,
    session_id  uuid,
    client_id   text,
    detail      text        NOT NULL DEFAULT ''
);
CREATE INDEX security_event_user_idx ON security_event (user_id, occurred_at);

-- Sign-in throttling state, shared by every instance.
CREATE TABLE sign_in_failure (
    email           text PRIMARY KEY,
    failures        integer     NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

CREATE TABLE sign_in_address_window (
    address      text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    requests     integer     NOT NULL CHECK (requests > 0)
);
