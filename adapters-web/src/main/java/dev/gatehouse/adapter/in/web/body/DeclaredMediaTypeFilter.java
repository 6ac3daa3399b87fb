package dev.gatehouse.adapter.in.web.body;

import dev.gatehouse.adapter.in.web.problem.ErrorRenderer;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Locale;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A request body must say what it is: without a {@code Content-Type}, with one that is no media type
 * ({@code type "/" subtype}, RFC 9110 §8.3.1), or with a charset other than UTF-8 (the only one JSON has, RFC 8259
 * §8.1, and the one forms are read in), or with two charsets (which one a proxy in front reads is anybody's guess), it
 * is {@code 415}, in the error form of its endpoint. The framework
 * would route such a body to any endpoint, as if it had the media type the endpoint takes. Only requests to a
 * route are judged (an unknown path or method stays 404 or 405), requests without a body need no type, and the
 * {@code /bff} proxy, which is no route, forwards bodies as they are: its upstream judges them.
 */
@Filter("/**")
final class DeclaredMediaTypeFilter implements HttpServerFilter {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + "\\s*(;.*)?", Pattern.DOTALL);
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)\"?", Pattern.CASE_INSENSITIVE);

    private final ErrorRenderer errors;

    DeclaredMediaTypeFilter(ErrorRenderer errors) {
        this.errors = errors;
    }

    /** Inside CORS, so that a browser can read the refusal. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (BasicHttpAttributes.getRouteMatchInfo(request).isEmpty() || !hasBody(request)
                || declaresUsableType(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            return chain.proceed(request);
        }
        return Mono.just(errors.render(request, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "A request body needs a Content-Type that this resource accepts, in UTF-8."));
    }

    private static boolean hasBody(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        return headers.contains(HttpHeaders.TRANSFER_ENCODING) || headers.contentLength().orElse(0L) > 0;
    }

    static boolean declaresUsableType(String contentType) {
        if (contentType == null || !MEDIA_TYPE.matcher(contentType.strip()).matches()) {
            return false;
        }
        var charset = CHARSET.matcher(contentType);
        if (!charset.find()) {
            return true;
        }
        boolean utf8 = charset.group(1).toLowerCase(Locale.ROOT).equals("utf-8");
        return utf8 && !charset.find(); // a second charset: a proxy may read the other one
    }
}
