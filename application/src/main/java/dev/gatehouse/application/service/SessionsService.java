package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.SessionsUseCase;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RevocationReason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Lists and ends the caller's own sessions; somebody else's session is indistinguishable from none. */
public final class SessionsService implements SessionsUseCase {

    private final RefreshTokenFamilies families;
    private final SecurityEvents events;
    private final Clock clock;

    public SessionsService(RefreshTokenFamilies families, SecurityEvents events, Clock clock) {
        this.families = families;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<SessionView> sessionsOf(Caller caller) {
        return families.activeOf(caller.user(), clock.instant()).stream()
                .map(family -> new SessionView(family, family.id().equals(caller.session())))
                .toList();
    }

    @Override
    public List<EndedSessionView> endedSessionsOf(Caller caller) {
        Instant now = clock.instant();
        return families.endedOf(caller.user(), now.minus(ENDED_SESSIONS_KEPT), now).stream()
                .map(family -> new EndedSessionView(family, family.endAt(now).orElseThrow()))
                .toList();
    }

    @Override
    public DeleteResult delete(Caller caller, FamilyId session) {
        Instant now = clock.instant();
        boolean own = families.find(session)
                .filter(family -> family.userId().equals(caller.user()) && family.isActiveAt(now))
                .isPresent();
        if (!own) {
            return new DeleteResult.NotFound();
        }
        families.revoke(session, RevocationReason.SESSION_DELETED, now);
        events.record(new SecurityEvent(SecurityEventType.SESSION_REVOKED, now, caller.user(), session, caller.client(),
                "session_deleted"));
        return new DeleteResult.Deleted();
    }
}
