package dev.gatehouse.bootstrap;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The static scripts ({@code /sdk/gatehouse.js}, the demo's {@code app.js}) go out as {@code text/javascript},
 * the one media type RFC 9239 keeps for JavaScript; left alone, Micronaut's file writer would fill in the
 * obsolete {@code application/javascript} of its extension table (it sets a type only where none is set).
 */
@Filter({"/sdk/**", "/demo/**"})
final class ScriptMediaTypeFilter implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean script = request.getPath().endsWith(".js");
        return Mono.from(chain.proceed(request)).map(response -> script && response.getContentType().isEmpty()
                ? response.contentType(MediaType.TEXT_JAVASCRIPT_TYPE) : response);
    }
}
