package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.account.BearerAuthentication;
import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase.RequestResult;
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
 * {@code POST /auth/email-verification} sends the bearer a verification link (202; nothing when the
 * address is verified already; 429 with {@code Retry-After} beyond the per-account limit); {@code POST /auth/email-verification/confirm} spends its token (204).
 */
@Controller("/auth/email-verification")
@ExecuteOn(TaskExecutors.BLOCKING)
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

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
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

    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> confirm(@Body @Nullable byte[] body) {
        return LifecycleResponses.of(verification.confirm(json.read(body, Confirmation.class).token()));
    }
}
