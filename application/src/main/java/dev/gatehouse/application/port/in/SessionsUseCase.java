package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.SessionEnd;
import java.time.Duration;
import java.util.List;

/** A user's view of their own sessions. */
public interface SessionsUseCase {

    /** Ended sessions are listed, and kept, this long. */
    Duration ENDED_SESSIONS_KEPT = Duration.ofDays(30);

    /** The caller's live sessions, newest first, the caller's own marked. */
    List<SessionView> sessionsOf(Caller caller);

    /** The caller's sessions that ended in the last {@link #ENDED_SESSIONS_KEPT}, the most recently ended first. */
    List<EndedSessionView> endedSessionsOf(Caller caller);

    /** Ends one of the caller's sessions. */
    DeleteResult delete(Caller caller, FamilyId session);

    record SessionView(RefreshTokenFamily family, boolean current) {
    }

    record EndedSessionView(RefreshTokenFamily family, SessionEnd end) {
    }

    sealed interface DeleteResult {
        record Deleted() implements DeleteResult {
        }

        /** No live session of the caller has that id (also when it is somebody else's). */
        record NotFound() implements DeleteResult {
        }
    }
}
