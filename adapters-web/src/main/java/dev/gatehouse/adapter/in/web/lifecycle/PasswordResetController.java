package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase.RequestResult;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase;
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
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /auth/password-reset} answers 202 whether or not an account has the address, and for text that is
 * no address at all (400 only without an {@code email}; 429 with
 * {@code Retry-After} when throttled, the same for every address); {@code POST
 * /auth/password-reset/confirm} spends the link's token and sets the new password (204).
 */
@Controller("/auth/password-reset")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Account lifecycle")
@ProblemResponses.Unavailable
final class PasswordResetController {

    private final PasswordResetUseCase reset;
    private final ClientAddresses addresses;
    private final StrictJson json;

    PasswordResetController(PasswordResetUseCase reset, ClientAddresses addresses, StrictJson json) {
        this.reset = reset;
        this.addresses = addresses;
        this.json = json;
    }

    @Serdeable
    record ResetRequest(String email) {
        @Override
        public String toString() {
            return "ResetRequest[redacted]";
        }
    }

    @Serdeable
    record ResetConfirmation(String token, String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[redacted]";
        }
    }

    @ProblemResponses.BodylessSuccess
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a password-reset link; the same answer for every address, known or not",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResetRequest.class))))
    @ApiResponse(responseCode = "202", description = "Accepted; a link goes out when an account has the address")
    @ApiResponse(responseCode = "400", description = "The body is malformed or has no `email`",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.Throttled
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> request(HttpRequest<?> request, @Body @Nullable byte[] body) {
        RequestResult result = reset.request(json.read(body, ResetRequest.class).email(), addresses.of(request));
        if (result instanceof RequestResult.Throttled throttled) {
            return LifecycleResponses.throttled(throttled.retryAfter());
        }
        if (result instanceof RequestResult.Rejected rejected) {
            return LifecycleResponses.invalid(rejected.violations());
        }
        if (result instanceof RequestResult.Accepted) {
            return HttpResponse.accepted();
        }
        throw new UnknownResultException(result);
    }

    @ProblemResponses.BodylessSuccess
    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password with the token from the link's fragment (`#token=`)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResetConfirmation.class))))
    @ApiResponse(responseCode = "204", description = "The password is changed, every session of the account ended and the token spent")
    @ApiResponse(responseCode = "400", description = "The token is invalid, expired or spent (`invalid-token`), the new password breaks a rule (`errors`), or the body is malformed",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> confirm(HttpRequest<?> request, @Body @Nullable byte[] body) {
        ResetConfirmation confirmation = json.read(body, ResetConfirmation.class);
        return LifecycleResponses.of(reset.confirm(confirmation.token(), confirmation.newPassword(), addresses.of(request)));
    }
}
