package dev.gatehouse.adapter.in.web.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase.RequestResult;
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

    PasswordResetController(PasswordResetUseCase reset, ClientAddresses addresses) {
        this.reset = reset;
        this.addresses = addresses;
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ResetRequest(String email) {
        @Override
        public String toString() {
            return "ResetRequest[redacted]";
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ResetConfirmation(String token, String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[redacted]";
        }
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> request(HttpRequest<?> request, @Body ResetRequest body) {
        RequestResult result = reset.request(body.email(), addresses.of(request));
        if (result instanceof RequestResult.Throttled throttled) {
            return LifecycleResponses.throttled(throttled.retryAfter());
        }
        if (result instanceof RequestResult.Rejected rejected) {
            return LifecycleResponses.invalid(rejected.violations());
        }
        return HttpResponse.accepted();
    }

    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> confirm(@Body ResetConfirmation body) {
        return LifecycleResponses.of(reset.confirm(body.token(), body.newPassword()));
    }
}
