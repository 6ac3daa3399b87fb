package dev.gatehouse.adapter.in.web.problem;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import dev.gatehouse.application.port.StoreUnavailableException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the exceptional outcomes of the ports to answers: overload, a broken store and a stopping service are 503, never 500. */
@Factory
class ServiceExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceExceptionHandlers.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @Singleton
    ExceptionHandler<StoreUnavailableException, HttpResponse<?>> storeUnavailable(ErrorRenderer renderer) {
        return (request, failure) -> {
            LOG.error("store unavailable on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(failure));
            return renderer.retryLater(request, ProblemType.UNAVAILABLE, "The database is not answering; try again shortly.", RETRY_AFTER);
        };
    }

    @Singleton
    ExceptionHandler<HashingCapacityExceededException, HttpResponse<?>> hashingBusy(ErrorRenderer renderer) {
        return (request, busy) -> {
            LOG.warn("password hashing at capacity; shed {} {}", request.getMethod(), request.getPath());
            return renderer.retryLater(request, ProblemType.UNAVAILABLE, "Too many password checks at once (sign-ins, registrations); try again shortly.", RETRY_AFTER);
        };
    }

    /**
     * The request threads refused the request: they have shut down, and the service is stopping. A 503 with
     * {@code Retry-After} lets a load balancer retry it on another instance; a 500 would not.
     */
    @Singleton
    ExceptionHandler<RejectedExecutionException, HttpResponse<?>> requestThreadsStopped(ErrorRenderer renderer) {
        return (request, refused) -> {
            LOG.info("request threads refused {} {}: the service is stopping", request.getMethod(), request.getPath());
            return renderer.retryLater(request, ProblemType.UNAVAILABLE, "The service is stopping; try again.", RETRY_AFTER);
        };
    }

    @Singleton
    ExceptionHandler<NotAuthenticatedException, HttpResponse<?>> notAuthenticated() {
        return (HttpRequest request, NotAuthenticatedException e) -> Responses.unauthenticated(e.tokenPresented());
    }

    @Singleton
    ExceptionHandler<InsufficientScopeException, HttpResponse<?>> insufficientScope() {
        return (HttpRequest request, InsufficientScopeException e) -> Responses.insufficientScope(e.scope());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
