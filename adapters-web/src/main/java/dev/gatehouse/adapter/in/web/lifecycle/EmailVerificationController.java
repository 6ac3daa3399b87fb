package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.account.BearerAuthentication;
import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase.RequestResult;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /auth/email-verification} sends the bearer a verification link (202; nothing when the
 * address is verified already; 429 with {@code Retry-After} beyond the per-account limit); {@code POST /auth/email-verification/confirm} spends its token (204).
 */
@Controller("/auth/email-verification")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Account lifecycle")
@ProblemResponses.Unavailable
final class EmailVerificationController {

    private final EmailVerificationUseCase verification;
    private final BearerAuthentication bearer;
    private final StrictJson json;

    EmailVerificationController(EmailVerificationUseCase verification, BearerAuthentication bearer, StrictJson json) {
        this.verification = verification;
        this.bearer = bearer;
        this.json = json;
    }

    /** The token from the link's fragment. */
    @Serdeable
    record Confirmation(String token) {
        @Override
        public String toString() {
            return "Confirmation[token redacted]";
        }
    }

    @ProblemResponses.BodylessSuccess
    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Send the caller's address a new verification e-mail (registration sends one by itself)")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "202", description = "Accepted: the e-mail goes out")
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Throttled
    HttpResponse<?> request(HttpRequest<?> request) {
        RequestResult result = verification.requestVerification(bearer.require(request));
        if (result instanceof RequestResult.Throttled throttled) {
            return LifecycleResponses.throttled(throttled.retryAfter());
        }
        if (result instanceof RequestResult.Accepted) {
            return HttpResponse.accepted();
        }
        throw new UnknownResultException(result);
    }

    @ProblemResponses.BodylessSuccess
    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the address with the token from the link's fragment (`#token=`)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Confirmation.class))))
    @ApiResponse(responseCode = "204", description = "The address is verified: `/auth/me` shows `emailVerified: true`")
    @ApiResponse(responseCode = "400", description = "The token is invalid, expired, spent or of another purpose (`invalid-token`), or the body is malformed",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> confirm(@Body @Nullable byte[] body) {
        return LifecycleResponses.of(verification.confirm(json.read(body, Confirmation.class).token()));
    }
}
