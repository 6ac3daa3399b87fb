package dev.gatehouse.bootstrap.browser;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An API of a team that answers {@code 401} although the browser client holds a live session (a resource
 * server whose clock runs ahead, say), for {@link BrowserClientTest} only: {@code GET /rejecting-api/once}
 * refuses its first request, {@code GET /rejecting-api/always} every request. It records the
 * {@code Authorization} header of each request.
 */
@Controller("/rejecting-api")
@Requires(property = BrowserClientTest.SWITCH, value = "true")
final class RejectingApi {

    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();

    @Get("/{mode}")
    HttpResponse<String> call(String mode, HttpRequest<?> request) {
        List<String> seen = authorizations.computeIfAbsent(mode, any -> new CopyOnWriteArrayList<>());
        seen.add(String.valueOf(request.getHeaders().get(HttpHeaders.AUTHORIZATION)));
        boolean refuse = "always".equals(mode) || seen.size() == 1;
        return refuse ? HttpResponse.<String>unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                : HttpResponse.ok("served");
    }

    /** The {@code Authorization} headers of the requests to {@code mode}, in order ({@code "null"} for none). */
    List<String> authorizationsSeen(String mode) {
        return List.copyOf(authorizations.getOrDefault(mode, List.of()));
    }
}
