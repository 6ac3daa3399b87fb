package dev.gatehouse.adapter.in.web.bff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyRequestOptions;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The proxy client to the upstream, counting each exchange as
 * {@code gatehouse_bff_upstream_requests_total{status}} (status class {@code 2xx} to {@code 5xx}, {@code error}
 * when no response came: refused, reset, timed out, closed before the answer's first body bytes, or {@code abandoned}
 * when the browser left before them, which closes the upstream connection) and timing it, up to the start of the
 * answer (its head with the first body bytes, or its end: {@link UpstreamExchanges.Binder} holds the head until then),
 * in the histogram {@code gatehouse_bff_upstream_duration_seconds}. A request whose body is
 * too large is the caller's fault and no exchange: it is not counted.
 */
final class MeteredUpstreamClient implements ProxyHttpClient, AutoCloseable {

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final ProxyHttpClient client;
    private final MeterRegistry registry;
    private final Timer duration;

    MeteredUpstreamClient(ProxyHttpClient client, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
        this.duration = Timer.builder("gatehouse.bff.upstream.duration")
                .description("Time from forwarding a /bff/api request to the start of the upstream's answer")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> proxy(HttpRequest<?> request) {
        return proxy(request, ProxyRequestOptions.getDefault());
    }

    @Override
    public Publisher<MutableHttpResponse<?>> proxy(HttpRequest<?> request, ProxyRequestOptions options) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(registry);
            return Mono.from(client.proxy(request, options))
                    .doOnNext(response -> exchanged(sample, (response.code() / 100) + "xx"))
                    .doOnError(failure -> !BffProxyFilter.bodyTooLarge(failure),
                            failure -> exchanged(sample, AnswerFailed.browserLeft(failure) ? "abandoned" : "error"));
        });
    }

    @Override
    public void close() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void exchanged(Timer.Sample sample, String status) {
        sample.stop(duration);
        Counter.builder("gatehouse.bff.upstream.requests").description("Requests forwarded to the /bff upstream, by status class")
                .tag("status", status).register(registry).increment();
    }
}
