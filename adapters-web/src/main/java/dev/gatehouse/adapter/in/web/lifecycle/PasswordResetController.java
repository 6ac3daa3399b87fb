package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase.RequestResult;
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

/**
 * {@code POST /auth/password-reset} answers 202 whether or not an account has the address (429 with
 * {@code Retry-After} when throttled, the same for every address); {@code POST
 * /auth/password-reset/confirm} spends the link's token and sets the new password (204).
 */
@Controller("/auth/password-reset")
@ExecuteOn(TaskExecutors.BLOCKING)
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

    @Post(consumes = MediaType.APPLICATION_JSON)
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

    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> confirm(@Body @Nullable byte[] body) {
        ResetConfirmation confirmation = json.read(body, ResetConfirmation.class);
        return LifecycleResponses.of(reset.confirm(confirmation.token(), confirmation.newPassword()));
    }
}
