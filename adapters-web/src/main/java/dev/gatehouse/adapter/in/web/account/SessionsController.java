package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.SessionsUseCase;
import dev.gatehouse.domain.token.FamilyId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's own sessions: list the live or the ended ones, end one. */
@Controller("/auth/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
final class SessionsController {

    private final SessionsUseCase sessions;
    private final BearerAuthentication bearer;

    SessionsController(SessionsUseCase sessions, BearerAuthentication bearer) {
        this.sessions = sessions;
        this.bearer = bearer;
    }

    /**
     * One ended session as listed; {@code endReason} is a {@link dev.gatehouse.domain.token.RevocationReason#code()}. The
     * document describes it as a {@link ListedSession}.
     */
    @Serdeable
    record EndedSessionView(String id, String clientId, Instant createdAt, Instant endedAt, String endReason) {
    }

    /** The live sessions, or with {@code state=ended} the sessions that ended in the last 30 days. */
    @Get
    @Operation(summary = "The caller's sessions: live ones (default, newest first, the current one marked) or, with "
            + "`state=ended`, those ended in the last 30 days")
    @ApiResponse(responseCode = "200", description = "The sessions, live ones or with `state=ended` ended ones (`ListedSession` says "
            + "which members each has); `Cache-Control: no-store`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    array = @ArraySchema(schema = @Schema(implementation = ListedSession.class))))
    @ProblemResponses.BadRequest
    HttpResponse<?> list(HttpRequest<?> request,
            @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = {"live", "ended"}, defaultValue = "live")) String state) {
        var caller = bearer.require(request);
        if ("ended".equals(state)) {
            return noStore(sessions.endedSessionsOf(caller).stream()
                    .map(view -> new EndedSessionView(view.family().id().toString(), view.family().clientId().value(),
                            view.family().createdAt(), view.end().at(), view.end().reason().code()))
                    .toList());
        }
        if (state != null && !"live".equals(state)) {
            return Responses.validation(List.of(new Problem.FieldError("state", "must be live or ended")));
        }
        var listed = sessions.sessionsOf(caller).stream()
                .map(view -> SessionView.of(view.family(), view.current()))
                .toList();
        return noStore(listed);
    }

    private static HttpResponse<?> noStore(List<?> listed) {
        return HttpResponse.ok(listed).header("Cache-Control", "no-store");
    }

    @ProblemResponses.BodylessSuccess
    @Delete("/{id}")
    @Operation(summary = "End one of the caller's sessions at once")
    @ApiResponse(responseCode = "204", description = "The session is ended")
    @ProblemResponses.NotFound
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
