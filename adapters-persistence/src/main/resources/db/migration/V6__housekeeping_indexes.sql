-- Gatehouse schema, version 6: indexes for housekeeping and erasure. Forward-only; never edit an applied migration.

-- Each lets a purge batch or an erasure find its rows without reading the whole table, which sessions and
-- floods of failed sign-ins can make large. Building one blocks writes to its table until it is built; on a
-- large table an operator builds them beforehand with CREATE INDEX CONCURRENTLY under the same names, and then
-- this migration finds them there (docs/operations.md, "Upgrades and rollbacks").

-- Housekeeping: sessions past their idle expiry, and revoked ones (JdbcRefreshTokenFamilies.PURGE_ENDED). By
-- created_at, not idle_expires_at: every rotation changes idle_expires_at, and an index on it would end the HOT
-- updates that rotations rely on (fillfactor 80, version 1); a session idle past a date was created before it.
CREATE INDEX IF NOT EXISTS refresh_family_created_idx ON refresh_family (created_at);
CREATE INDEX IF NOT EXISTS refresh_family_revoked_idx ON refresh_family (revoked_at) WHERE state = 'revoked';

-- Erasure: the events that name the account's e-mail pseudonym (JdbcSecurityEvents.FORGET_ORIGINS).
CREATE INDEX IF NOT EXISTS security_event_attempted_email_idx ON security_event (attempted_email)
    WHERE attempted_email IS NOT NULL;

-- Housekeeping: password-reset windows that ended (JdbcResetRequestCounts.FORGET_STALE).
CREATE INDEX IF NOT EXISTS password_reset_window_start_idx ON password_reset_window (window_start);
