package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.BffFixture.claims;
import static dev.gatehouse.bootstrap.BffFixture.cookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.domain.token.AccessTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proxy forwards only access tokens the upstream will accept: one that has expired, or expires within
 * the 30 s verification leeway, makes it refresh the session first — once, however many requests of the
 * session arrive together.
 */
class BffRefreshTest {

    private final BffFixture bff = BffFixture.forTestClass();
    private final AccessTokens accessTokens = bff.server().getApplicationContext().getBean(AccessTokens.class);

    @ParameterizedTest
    @ValueSource(longs = {-10, 10, 25})
    void an_access_cookie_expiring_within_the_leeway_is_renewed_before_it_is_forwarded(long secondsLeft) {
        BffFixture.Session session = bff.session();
        String nearlyExpired = reissued(session.access(), Duration.ofSeconds(secondsLeft));
        assertThat(accessTokens.verify(nearlyExpired)).as("still accepted by the service's own leeway").isInstanceOf(AccessTokenCheck.Valid.class);

        HttpResponse<String> response = bff.get("/bff/api/profile", new BffFixture.Session(nearlyExpired, session.refresh()));

        assertThat(response.statusCode()).isEqualTo(200);
        String renewed = cookie(response, "__Host-gh_access");
        assertThat(bff.last().headers().get("Authorization")).containsExactly("Bearer " + renewed);
        assertThat(expiry(renewed)).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(cookie(response, "__Host-gh_bff")).isNotEqualTo(session.refresh());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 900})
    void an_access_cookie_valid_beyond_the_leeway_is_forwarded_as_it_is(long secondsLeft) {
        BffFixture.Session session = bff.session();
        String valid = reissued(session.access(), Duration.ofSeconds(secondsLeft));

        HttpResponse<String> response = bff.get("/bff/api/profile", new BffFixture.Session(valid, session.refresh()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bff.last().headers().get("Authorization")).containsExactly("Bearer " + valid);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("__Host-gh_"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "within-leeway"})
    void an_unusable_access_cookie_causes_exactly_one_rotation_for_twenty_concurrent_calls(String access) {
        BffFixture.Session session = bff.session();
        String stale = access.equals("garbage") ? "expired.or.garbage" : reissued(session.access(), Duration.ofSeconds(-5));
        String cookies = new BffFixture.Session(stale, session.refresh()).cookies();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(bff.http.client().sendAsync(bff.http.request("/bff/api/profile").header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        List<String> successors = answers.stream().map(answer -> cookie(answer, "__Host-gh_bff")).distinct().toList();
        assertThat(successors).hasSize(1);
        assertThat(successors.get(0)).as("one rotation: generation 1").contains(".1.");
    }

    /** The same session's access token, signed by the service, expiring {@code left} from now (negative: ago). */
    private String reissued(String accessToken, Duration left) {
        var claims = bff.http.parse(claims(accessToken));
        Instant expiresAt = Instant.now().plus(left);
        return accessTokens.issue(new AccessTokenClaims((String) claims.get("iss"),
                new UserId(UUID.fromString((String) claims.get("sub"))), (String) claims.get("aud"),
                new ClientId((String) claims.get("client_id")),
                new FamilyId(UUID.fromString((String) claims.get("sid"))),
                expiresAt.minus(Duration.ofMinutes(15)), expiresAt, UUID.randomUUID().toString()));
    }

    private Instant expiry(String accessToken) {
        return Instant.ofEpochSecond(((Number) bff.http.parse(claims(accessToken)).get("exp")).longValue());
    }
}
