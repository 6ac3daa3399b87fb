package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code ANY /bff/api/{path}}: the API proxy of the backend-for-frontend pattern. The browser holds only
 * HttpOnly cookies; this filter turns the access cookie into {@code Authorization: Bearer} and streams
 * the request to {@code <gatehouse.bff.upstream-url>/<path>} with Micronaut's {@code ProxyHttpClient},
 * refreshing the session first when the access token no longer works. Nothing reaches the upstream
 * without a live session, and unsafe methods need the CSRF proof of the cookie client.
 */
@Filter("/bff/api/**")
final class BffProxyFilter implements HttpServerFilter {

    static final String PREFIX = "/bff/api/";
    private static final Logger LOG = LoggerFactory.getLogger(BffProxyFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final BffUpstream upstream;
    private final BffSettings settings;
    private final ClientRegistry clients;
    private final AuthenticateUseCase authenticate;
    private final SingleFlightRefresh refresh;
    private final CsrfGuard csrf;
    private final Scheduler blocking;

    BffProxyFilter(BffUpstream upstream, BffSettings settings, ClientRegistry clients, AuthenticateUseCase authenticate,
            SingleFlightRefresh refresh, CsrfGuard csrf, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.upstream = upstream;
        this.settings = settings;
        this.clients = clients;
        this.authenticate = authenticate;
        this.refresh = refresh;
        this.csrf = csrf;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Whether a request may be forwarded, and with which token. */
    private sealed interface Admission {
        record Admitted(URI target, String accessToken, IssuedTokens renewed) implements Admission {
        }

        record Refused(MutableHttpResponse<?> response) implements Admission {
        }
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (upstream.base().isEmpty()) {
            return chain.proceed(request);
        }
        CloseableByteBody reservation = reserveBody(request);
        return Mono.fromCallable(() -> admit(request))
                .subscribeOn(blocking)
                .flatMap(admission -> admission instanceof Admission.Admitted admitted
                        ? forward(request, admitted)
                        : Mono.just(((Admission.Refused) admission).response()))
                .doFinally(signal -> reservation.close());
    }

    /**
     * Claims the request body at once, on the event loop: an unclaimed body would be buffered in memory
     * (and refused past {@code max-request-buffer-size}) while the session is checked. The reservation
     * (a split that never reads) only keeps the body streamable for the proxy client, which claims it when
     * its connection is ready; it is released when the exchange ends.
     */
    private static CloseableByteBody reserveBody(HttpRequest<?> request) {
        return ((ServerHttpRequest<?>) request).byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
    }

    private Admission admit(HttpRequest<?> request) {
        String rawPath = request.getUri().getRawPath();
        Optional<URI> target = rawPath.startsWith(PREFIX)
                ? UpstreamTarget.resolve(upstream.base().orElseThrow(), rawPath.substring(PREFIX.length()), request.getUri().getRawQuery())
                : Optional.empty();
        if (target.isEmpty()) {
            return new Admission.Refused(Responses.problem(ProblemType.MALFORMED_REQUEST, "This path cannot be forwarded."));
        }
        ClientSettings client = clients.find(settings.getClient()).orElseThrow(
                () -> new IllegalStateException("gatehouse.bff.client names no configured client"));
        Optional<MutableHttpResponse<?>> refusal = SAFE.contains(request.getMethod()) ? Optional.empty() : csrf.refusal(request, client);
        if (refusal.isPresent()) {
            return new Admission.Refused(refusal.get());
        }
        Optional<String> access = HostCookie.ACCESS.read(request);
        if (access.isPresent() && authenticate.authenticate(access.get()) instanceof Authentication.Authenticated) {
            return new Admission.Admitted(target.get(), access.get(), null);
        }
        Optional<String> refreshToken = HostCookie.REFRESH.read(request);
        if (refreshToken.isPresent()
                && refresh.refresh(refreshToken.get(), new ClientId(client.getId())) instanceof RefreshResult.Refreshed refreshed) {
            return new Admission.Admitted(target.get(), refreshed.tokens().accessToken(), refreshed.tokens());
        }
        var unauthenticated = Responses.problem(ProblemType.UNAUTHENTICATED, "Sign in first.");
        HostCookie.clearSession(unauthenticated);
        return new Admission.Refused(unauthenticated);
    }

    private Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, Admission.Admitted admitted) {
        MutableHttpRequest<?> outgoing = request.mutate().uri(admitted.target());
        HopByHop.strip(outgoing.getHeaders());
        outgoing.getHeaders().remove(HttpHeaders.COOKIE);
        outgoing.getHeaders().remove(HttpHeaders.AUTHORIZATION);
        outgoing.getHeaders().remove(HttpHeaders.HOST);
        outgoing.bearerAuth(admitted.accessToken());
        return Mono.from(upstream.client().proxy(outgoing))
                .<MutableHttpResponse<?>>map(response -> clean(response, admitted.renewed()))
                .onErrorResume(failure -> Mono.just(upstreamFailed(failure)));
    }

    private static MutableHttpResponse<?> clean(MutableHttpResponse<?> response, IssuedTokens renewed) {
        HopByHop.strip(response.getHeaders());
        List<String> cookies = response.getHeaders().getAll(HttpHeaders.SET_COOKIE);
        response.getHeaders().remove(HttpHeaders.SET_COOKIE);
        cookies.stream()
                .filter(cookie -> !HostCookie.isOurs(cookie))
                .forEach(cookie -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie));
        if (renewed != null) {
            HostCookie.setSession(response, renewed);
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }

    private static MutableHttpResponse<?> upstreamFailed(Throwable failure) {
        if (failure instanceof ReadTimeoutException) {
            LOG.warn("bff upstream timed out");
            return Responses.problem(ProblemType.UPSTREAM_TIMEOUT, "The upstream API did not answer in time.");
        }
        LOG.warn("bff upstream failed: {}", failure.getClass().getSimpleName());
        return Responses.problem(ProblemType.BAD_GATEWAY, "The upstream API cannot be reached.");
    }
}
