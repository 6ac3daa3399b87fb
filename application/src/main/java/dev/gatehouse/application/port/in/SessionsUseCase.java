package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import java.util.List;

/** A user's view of their own sessions. */
public interface SessionsUseCase {

    /** The caller's live sessions, newest first, the caller's own marked. */
    List<SessionView> sessionsOf(Caller caller);

    /** Ends one of the caller's sessions. */
    DeleteResult delete(Caller caller, FamilyId session);

    record SessionView(RefreshTokenFamily family, boolean current) {
    }

    sealed interface DeleteResult {
        record Deleted() implements DeleteResult {
        }

        /** No live session of the caller has that id (also when it is somebody else's). */
        record NotFound() implements DeleteResult {
        }
    }
}
