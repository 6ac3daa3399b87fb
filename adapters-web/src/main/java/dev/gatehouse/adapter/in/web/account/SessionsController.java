package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.SessionsUseCase;
import dev.gatehouse.domain.token.FamilyId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's own sessions: list them, end one. */
@Controller("/auth/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionsController {

    private final SessionsUseCase sessions;
    private final BearerAuthentication bearer;

    SessionsController(SessionsUseCase sessions, BearerAuthentication bearer) {
        this.sessions = sessions;
        this.bearer = bearer;
    }

    /** One session as listed. */
    @Serdeable
    record SessionView(String id, String clientId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent,
            boolean current) {
    }

    @Get
    HttpResponse<List<SessionView>> list(HttpRequest<?> request) {
        var listed = sessions.sessionsOf(bearer.require(request)).stream()
                .map(view -> new SessionView(view.family().id().toString(), view.family().clientId().value(),
                        view.family().createdAt(), view.family().rotatedAt(), view.family().expiresAt(),
                        view.family().userAgent(), view.current()))
                .toList();
        return HttpResponse.ok(listed).header("Cache-Control", "no-store");
    }

    @Delete("/{id}")
    HttpResponse<?> delete(HttpRequest<?> request, String id) {
        var caller = bearer.require(request);
        UUID session;
        try {
            session = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Responses.problem(ProblemType.NOT_FOUND, "You have no such session.");
        }
        SessionsUseCase.DeleteResult result = sessions.delete(caller, new FamilyId(session));
        if (result instanceof SessionsUseCase.DeleteResult.Deleted) {
            return HttpResponse.noContent();
        }
        if (result instanceof SessionsUseCase.DeleteResult.NotFound) {
            return Responses.problem(ProblemType.NOT_FOUND, "You have no such session.");
        }
        throw new UnknownResultException(result);
    }
}
