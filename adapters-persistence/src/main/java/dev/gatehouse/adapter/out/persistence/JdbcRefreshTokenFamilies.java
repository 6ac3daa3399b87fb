package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.FamilyState;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.Rotation;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in table {@code refresh_family}. {@link #advance} is a single conditional
 * {@code UPDATE ... RETURNING} (no read before the write): PostgreSQL re-checks the {@code WHERE} on the
 * newest row version after waiting for a concurrent writer, so of racing rotations exactly one matches,
 * across instances. Why hand-written SQL: docs/adr/0005-hand-written-sql.md.
 */
@Singleton
final class JdbcRefreshTokenFamilies implements RefreshTokenFamilies {

    /**
     * One housekeeping batch of ended sessions; each branch of the condition has an index (V6). A session idle
     * past a date was created before it, so the first branch is found by {@code created_at}, which no rotation
     * changes (an index on {@code idle_expires_at} would end rotations' HOT updates).
     */
    static final String PURGE_ENDED = """
            DELETE FROM refresh_family WHERE id IN (
                SELECT id FROM refresh_family
                 WHERE (created_at < ? AND idle_expires_at < ?) OR (state = 'revoked' AND revoked_at < ?)
                 LIMIT ? FOR UPDATE SKIP LOCKED)""";

    /** The sessions lists are for people; a user with more sessions than this sees the newest. */
    static final int MAX_LISTED = 1000;

    private static final String COLUMNS = "id, user_id, client_id, generation, state, revocation_reason, revoked_at, "
            + "created_at, rotated_at, idle_expires_at, absolute_expires_at, user_agent";

    /** Ends live families only: a revoked one keeps its first reason, an expired one its expiry. */
    private static final String REVOKE = "UPDATE refresh_family SET state = 'revoked', revocation_reason = ?, revoked_at = ? "
            + "WHERE state = 'active' AND idle_expires_at > ? AND ";
    /** When a family ended: its revocation, or its expiry if that came first. */
    private static final String ENDED_AT = "LEAST(COALESCE(revoked_at, idle_expires_at), idle_expires_at)";

    private final Jdbc jdbc;

    JdbcRefreshTokenFamilies(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RefreshTokenFamily family) {
        jdbc.update("INSERT INTO refresh_family (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            var revoked = family.state() instanceof FamilyState.Revoked r ? r : null;
            statement.setObject(1, family.id().value());
            statement.setObject(2, family.userId().value());
            statement.setString(3, family.clientId().value());
            statement.setLong(4, family.generation());
            statement.setString(5, revoked == null ? "active" : "revoked");
            statement.setString(6, revoked == null ? null : revoked.reason().name());
            Jdbc.setInstant(statement, 7, revoked == null ? null : revoked.at());
            Jdbc.setInstant(statement, 8, family.createdAt());
            Jdbc.setInstant(statement, 9, family.rotatedAt());
            Jdbc.setInstant(statement, 10, family.idleExpiresAt());
            Jdbc.setInstant(statement, 11, family.absoluteExpiresAt());
            statement.setString(12, family.userAgent());
        });
    }

    @Override
    public Optional<RefreshTokenFamily> find(FamilyId id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM refresh_family WHERE id = ?",
                statement -> statement.setObject(1, id.value()), JdbcRefreshTokenFamilies::map);
    }

    /**
     * The {@code WHERE} is {@link Rotation#admittedBy}, clause by clause (id, generation, client, active,
     * idle expiry after now); the {@code SET} is {@link Rotation#applyTo}.
     */
    @Override
    public AdvanceResult advance(Rotation rotation) {
        return jdbc.queryOne("""
                UPDATE refresh_family
                   SET generation = generation + 1, rotated_at = GREATEST(?, rotated_at), idle_expires_at = LEAST(?, absolute_expires_at)
                 WHERE id = ? AND generation = ? AND client_id = ? AND state = 'active' AND idle_expires_at > ?
                RETURNING\s""" + COLUMNS, statement -> {
                    Jdbc.setInstant(statement, 1, rotation.at());
                    Jdbc.setInstant(statement, 2, rotation.idleExpiresAt());
                    statement.setObject(3, rotation.presented().familyId().value());
                    statement.setLong(4, rotation.presented().generation());
                    statement.setString(5, rotation.client().value());
                    Jdbc.setInstant(statement, 6, rotation.at());
                }, JdbcRefreshTokenFamilies::map)
                .<AdvanceResult>map(AdvanceResult.Advanced::new)
                .orElseGet(AdvanceResult.NotAdvanced::new);
    }

    @Override
    public void restampRotation(FamilyId id, long generation, Instant storedAt) {
        jdbc.update("UPDATE refresh_family SET rotated_at = GREATEST(?, rotated_at) WHERE id = ? AND generation = ? AND state = 'active'",
                statement -> {
                    Jdbc.setInstant(statement, 1, storedAt);
                    statement.setObject(2, id.value());
                    statement.setLong(3, generation);
                });
    }

    @Override
    public boolean revoke(FamilyId id, RevocationReason reason, Instant now) {
        return jdbc.update(REVOKE + "id = ?", statement -> {
            bindRevocation(statement, reason, now);
            statement.setObject(4, id.value());
        }) == 1;
    }

    @Override
    public int revokeAllOf(UserId user, RevocationReason reason, Instant now) {
        return jdbc.update(REVOKE + "user_id = ?", statement -> {
            bindRevocation(statement, reason, now);
            statement.setObject(4, user.value());
        });
    }

    @Override
    public int revokeAllOfExcept(UserId user, FamilyId kept, RevocationReason reason, Instant now) {
        return jdbc.update(REVOKE + "user_id = ? AND id <> ?", statement -> {
            bindRevocation(statement, reason, now);
            statement.setObject(4, user.value());
            statement.setObject(5, kept.value());
        });
    }

    private static void bindRevocation(PreparedStatement statement, RevocationReason reason, Instant now) throws SQLException {
        statement.setString(1, reason.name());
        Jdbc.setInstant(statement, 2, now);
        Jdbc.setInstant(statement, 3, now);
    }

    @Override
    public List<RefreshTokenFamily> activeOf(UserId user, Instant now) {
        return jdbc.queryList("SELECT " + COLUMNS + " FROM refresh_family "
                + "WHERE user_id = ? AND state = 'active' AND idle_expires_at > ? ORDER BY created_at DESC, id LIMIT "
                + MAX_LISTED, statement -> {
                    statement.setObject(1, user.value());
                    Jdbc.setInstant(statement, 2, now);
                }, JdbcRefreshTokenFamilies::map);
    }

    @Override
    public List<RefreshTokenFamily> endedOf(UserId user, Instant since, Instant now) {
        return jdbc.queryList("SELECT " + COLUMNS + " FROM refresh_family WHERE user_id = ? AND (state = 'revoked' OR idle_expires_at <= ?) "
                + "AND " + ENDED_AT + " > ? AND " + ENDED_AT + " <= ? ORDER BY " + ENDED_AT + " DESC, id LIMIT " + MAX_LISTED, statement -> {
                    statement.setObject(1, user.value());
                    Jdbc.setInstant(statement, 2, now);
                    Jdbc.setInstant(statement, 3, since);
                    Jdbc.setInstant(statement, 4, now);
                }, JdbcRefreshTokenFamilies::map);
    }

    @Override
    public void deleteAllOf(UserId user) {
        jdbc.update("DELETE FROM refresh_family WHERE user_id = ?", statement -> statement.setObject(1, user.value()));
    }

    @Override
    public int purgeEndedBefore(Instant endedBefore, int limit) {
        return jdbc.update(PURGE_ENDED, statement -> {
                    Jdbc.setInstant(statement, 1, endedBefore);
                    Jdbc.setInstant(statement, 2, endedBefore);
                    Jdbc.setInstant(statement, 3, endedBefore);
                    statement.setInt(4, limit);
                });
    }

    private static RefreshTokenFamily map(ResultSet row) throws SQLException {
        FamilyState state = "revoked".equals(row.getString("state"))
                ? new FamilyState.Revoked(RevocationReason.valueOf(row.getString("revocation_reason")),
                        Jdbc.getInstant(row, "revoked_at"))
                : FamilyState.ACTIVE;
        return new RefreshTokenFamily(
                new FamilyId(Jdbc.getUuid(row, "id")),
                new UserId(Jdbc.getUuid(row, "user_id")),
                new ClientId(row.getString("client_id")),
                row.getLong("generation"),
                state,
                Jdbc.getInstant(row, "created_at"),
                Jdbc.getInstant(row, "rotated_at"),
                Jdbc.getInstant(row, "idle_expires_at"),
                Jdbc.getInstant(row, "absolute_expires_at"),
                row.getString("user_agent"));
    }
}
