package dev.gatehouse.bootstrap.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * A stand-in for a team's REST API behind the {@code /bff} proxy, for the demo page only (development
 * mode): {@code GET /demo-api/hello} answers whoever presents an access token that verifies against
 * Gatehouse's published JWKS, as any backend would — it knows nothing else of Gatehouse.
 */
@Controller("/demo-api")
@Requires(env = Environment.DEVELOPMENT)
@ExecuteOn(TaskExecutors.BLOCKING)
final class DemoApiController {

    private final JwksVerifier verifier;

    DemoApiController(JwksVerifier verifier) {
        this.verifier = verifier;
    }

    @Get("/hello")
    HttpResponse<?> hello(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return verifier.verify(authorization.substring("Bearer ".length()))
                .<HttpResponse<?>>map(claims -> HttpResponse.ok(Map.of(
                        "message", "Hello from the demo API",
                        "sub", claims.get("sub"),
                        "sid", claims.get("sid"),
                        "client_id", claims.get("client_id"),
                        "verifiedWith", "JWKS",
                        "sawCookies", request.getHeaders().contains(HttpHeaders.COOKIE))))
                .orElseGet(() -> HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }
}
