-- Gatehouse schema, version 2: abuse resistance. Forward-only; never edit an applied migration.
--
-- Throttling state moves to two new tables whose rows are bounded by design: one row per account
-- pseudonym and one per (purpose, client network), updated in place, never one row per request.
-- sign_in_failure and sign_in_address_window are no longer written; they stay so that instances of
-- version 1 still running during a rolling upgrade keep working, and a later migration drops them.

-- One row per account that was tried: the run of attempts since its last successful sign-in (with the
-- lock) and the per-minute budget window. Keyed by the e-mail's keyed hash, never by the e-mail.
CREATE TABLE account_throttle (
    account         text        PRIMARY KEY CHECK (length(account) <= 64),
    attempts        integer     NOT NULL CHECK (attempts >= 0),
    last_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    window_start    timestamptz NOT NULL,
    window_attempts integer     NOT NULL CHECK (window_attempts >= 0)
);
CREATE INDEX account_throttle_last_attempt_idx ON account_throttle (last_attempt_at);

-- One row per purpose and client network (an IPv4 address or an IPv6 /64), for the current window only.
CREATE TABLE address_window (
    purpose    text        NOT NULL CHECK (purpose IN ('SIGN_IN', 'REGISTRATION')),
    network    text        NOT NULL CHECK (length(network) <= 64),
    window_end timestamptz NOT NULL,
    requests   integer     NOT NULL CHECK (requests > 0),
    PRIMARY KEY (purpose, network)
);
CREATE INDEX address_window_end_idx ON address_window (window_end);

-- Events name the request's address and, for sign-in failures, the attempted e-mail's pseudonym.
ALTER TABLE security_event
    ADD COLUMN client_address  text CHECK (length(client_address) <= 64),
    ADD COLUMN attempted_email text CHECK (length(attempted_email) <= 64);
-- retention deletes by age
CREATE INDEX security_event_occurred_idx ON security_event (occurred_at);
