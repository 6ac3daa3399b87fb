package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.FieldViolation;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The answers of the lifecycle endpoints: 204 when done, else one problem per kind of refusal; an unknown result is a bug. */
final class LifecycleResponses {

    private LifecycleResponses() {
    }

    static HttpResponse<?> of(TokenResult result) {
        if (result instanceof TokenResult.Accepted) {
            return HttpResponse.noContent();
        }
        if (result instanceof TokenResult.Rejected rejected) {
            return invalid(rejected.violations());
        }
        if (result instanceof TokenResult.InvalidToken) {
            return Responses.problem(ProblemType.INVALID_TOKEN, "The link is invalid, expired or was used already.");
        }
        throw new UnknownResultException(result);
    }

    static HttpResponse<?> of(PasswordCheckResult result) {
        if (result instanceof PasswordCheckResult.Done) {
            return HttpResponse.noContent();
        }
        if (result instanceof PasswordCheckResult.Rejected rejected) {
            return invalid(rejected.violations());
        }
        if (result instanceof PasswordCheckResult.Throttled throttled) {
            return throttled(throttled.retryAfter());
        }
        if (result instanceof PasswordCheckResult.WrongPassword) {
            return Responses.problem(ProblemType.WRONG_PASSWORD, "The password is incorrect.");
        }
        throw new UnknownResultException(result);
    }

    static HttpResponse<?> throttled(Duration retryAfter) {
        return Responses.retryLater(ProblemType.TOO_MANY_REQUESTS, "Too many attempts; try again later.", retryAfter);
    }

    static HttpResponse<?> invalid(List<FieldViolation> violations) {
        return Responses.validation(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
}
