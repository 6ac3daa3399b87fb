package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /metrics} over real HTTP: each sign-in, refresh, registration and sign-out moves exactly its
 * own {@code gatehouse_*} series, and no label value is a user id, an e-mail, a token or an address.
 * The server locks an account after two failures, so that a throttled sign-in is cheap to provoke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private static final Pattern LABEL_VALUE = Pattern.compile("=\"([^\"]*)\"");
    private static final Pattern PERSONAL = Pattern.compile(".*(@|[0-9a-f]{8}-[0-9a-f]{4}-|eyJ|[A-Za-z0-9_-]{32}|\\d+\\.\\d+\\.\\d+\\.\\d+).*");

    private EmbeddedServer server;
    private HttpFixture http;
    private final List<String> secrets = new ArrayList<>();

    @BeforeAll
    void start() {
        server = GatehouseServer.start(Map.of("gatehouse.throttle.sign-in-failures-per-account", 2));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A series born with its first increment shows no increase: the first reuse after a start would raise no alert. */
    @Test
    void every_outcome_series_is_there_from_the_start() {
        assertThat(MetricsScrape.of(http).samples()).containsKeys(
                "gatehouse_refreshes_total{client=\"api\",outcome=\"reuse_detected\"}",
                "gatehouse_refreshes_total{client=\"web\",outcome=\"grace_replay\"}",
                "gatehouse_sign_ins_total{client=\"bff\",outcome=\"shed\"}",
                "gatehouse_registrations_total{outcome=\"shed\"}",
                "gatehouse_sessions_ended_total{reason=\"reuse_detected\"}",
                "gatehouse_sessions_ended_total{reason=\"account_disabled\"}",
                "gatehouse_access_tokens_refused_total{reason=\"unknown_key\"}")
                .doesNotContainKey("gatehouse_sessions_ended_total{reason=\"expired_idle\"}");
    }

    /** operations.md: a rise of {@code unknown_key} is an instance whose key set differs from the one that signed. */
    @Test
    void refused_access_tokens_are_counted_by_why() {
        String token = (String) http.register(HttpFixture.anEmail()).get("access_token");
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String otherKey = Base64.getUrlEncoder().withoutPadding().encodeToString(
                header.replaceFirst("\"kid\":\"[^\"]*\"", "\"kid\":\"another-instance\"").getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        MetricsScrape before = MetricsScrape.of(http);

        for (String refused : List.of(otherKey + "." + parts[1] + "." + parts[2], forged, "not-a-token")) {
            assertThat(http.get("/auth/me", refused).statusCode()).isEqualTo(401);
        }
        assertThat(http.get("/auth/me", token).statusCode()).isEqualTo(200);

        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_access_tokens_refused_total")).isEqualTo(Map.of(
                "gatehouse_access_tokens_refused_total{reason=\"unknown_key\"}", 1.0,
                "gatehouse_access_tokens_refused_total{reason=\"signature\"}", 1.0,
                "gatehouse_access_tokens_refused_total{reason=\"malformed\"}", 1.0));
    }

    @Test
    void sign_ins_are_counted_by_client_and_outcome() {
        String email = registered();
        MetricsScrape before = MetricsScrape.of(http);

        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(http.signIn(email, "wrong password 1").statusCode()).isEqualTo(400);
        assertThat(http.signIn(email, "wrong password 2").statusCode()).isEqualTo(400);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(429);

        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_sign_ins_total")).isEqualTo(Map.of(
                "gatehouse_sign_ins_total{client=\"api\",outcome=\"success\"}", 1.0,
                "gatehouse_sign_ins_total{client=\"api\",outcome=\"invalid_credentials\"}", 2.0,
                "gatehouse_sign_ins_total{client=\"api\",outcome=\"throttled\"}", 1.0));
    }

    @Test
    void refreshes_are_counted_by_outcome_and_a_reuse_ends_the_session() {
        Map<String, Object> session = http.register(HttpFixture.anEmail());
        String first = remember((String) session.get("refresh_token"));
        MetricsScrape before = MetricsScrape.of(http);

        String second = remember((String) http.object(http.refresh(first)).get("refresh_token"));
        assertThat(http.object(http.refresh(first))).as("a racing tab, within the grace").containsEntry("refresh_token", second);
        remember((String) http.object(http.refresh(second)).get("refresh_token"));
        assertThat(http.refresh(first).statusCode()).as("two generations old: reuse").isEqualTo(400);
        assertThat(http.refresh("not-a-token").statusCode()).isEqualTo(400);

        MetricsScrape after = MetricsScrape.of(http);
        assertThat(after.changedSince(before, "gatehouse_refreshes_total")).isEqualTo(Map.of(
                "gatehouse_refreshes_total{client=\"api\",outcome=\"rotated\"}", 2.0,
                "gatehouse_refreshes_total{client=\"api\",outcome=\"grace_replay\"}", 1.0,
                "gatehouse_refreshes_total{client=\"api\",outcome=\"reuse_detected\"}", 1.0,
                "gatehouse_refreshes_total{client=\"api\",outcome=\"invalid\"}", 1.0));
        assertThat(after.changedSince(before, "gatehouse_sessions_ended_total")).isEqualTo(Map.of(
                "gatehouse_sessions_ended_total{reason=\"reuse_detected\"}", 1.0));
    }

    @Test
    void registrations_and_sign_outs_are_counted_once_per_session_ended() {
        MetricsScrape before = MetricsScrape.of(http);
        String email = HttpFixture.anEmail();
        String token = remember((String) http.register(email).get("refresh_token"));
        assertThat(http.postJson("/auth/register", http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD,
                "name", "Again", "clientId", "api"))).statusCode()).isEqualTo(409);
        assertThat(http.postJson("/auth/register", http.toJson(Map.of("email", HttpFixture.anEmail(), "password", "short",
                "name", "Short", "clientId", "api"))).statusCode()).isEqualTo(400);
        for (int twice = 0; twice < 2; twice++) {
            assertThat(http.postJson("/auth/sign-out", http.toJson(Map.of("refreshToken", token))).statusCode()).isEqualTo(204);
        }

        MetricsScrape after = MetricsScrape.of(http);
        assertThat(after.changedSince(before, "gatehouse_registrations_total")).isEqualTo(Map.of(
                "gatehouse_registrations_total{outcome=\"success\"}", 1.0,
                "gatehouse_registrations_total{outcome=\"email_taken\"}", 1.0,
                "gatehouse_registrations_total{outcome=\"invalid_input\"}", 1.0));
        assertThat(after.changedSince(before, "gatehouse_sessions_ended_total")).as("the second sign-out ended nothing")
                .isEqualTo(Map.of("gatehouse_sessions_ended_total{reason=\"signed_out\"}", 1.0));
    }

    /**
     * The filters' own answers are requests like any other: a CSRF refusal, a body without a media type and a CORS
     * preflight each count once, by route template (none for the preflight), never by raw path; a method nobody
     * defined is {@code CUSTOM}, never its own spelling (one series per invented method grew the registry without bound).
     */
    @Test
    void answers_of_the_filters_are_counted_by_route_template() {
        MetricsScrape before = MetricsScrape.of(http);

        assertThat(http.send(http.request("/auth/sign-out").header("Cookie", "__Host-gh_refresh=forged")
                .header("Content-Type", "text/plain").header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/auth/token").POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password")))
                .statusCode()).isEqualTo(415);
        assertThat(http.send(http.request("/auth/token?probe=1").header("Origin", CookieClientTest.ORIGIN)
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(204);

        for (String invented : java.util.List.of("M7", "PROPFIND", "X".repeat(300))) {
            http.send(http.request("/x").method(invented, java.net.http.HttpRequest.BodyPublishers.noBody()));
        }

        assertThat(MetricsScrape.of(http).samples().keySet()).as("no series per method a caller invents")
                .noneMatch(series -> series.contains("M7") || series.contains("PROPFIND") || series.contains("XXXX"));
        assertThat(MetricsScrape.of(http).changedSince(before, "http_server_requests_seconds_count")).containsAllEntriesOf(Map.of(
                "http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"403\",uri=\"/auth/sign-out\"}", 1.0,
                "http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"415\",uri=\"/auth/token\"}", 1.0,
                "http_server_requests_seconds_count{exception=\"none\",method=\"OPTIONS\",status=\"204\",uri=\"UNMATCHED_URI\"}", 1.0));
    }

    @Test
    void the_scrape_has_the_gauges_and_the_libraries_meters() {
        registered();
        MetricsScrape scrape = MetricsScrape.of(http);
        assertThat(scrape.samples()).containsEntry("gatehouse_hashing_in_flight", 0.0).containsEntry("gatehouse_hashing_waiting", 0.0);
        assertThat(scrape.samples().keySet()).anyMatch(series -> series.startsWith("http_server_requests_seconds_bucket{"))
                .anyMatch(series -> series.startsWith("jvm_memory_used_bytes{"))
                .anyMatch(series -> series.startsWith("jvm_gc_"))
                .anyMatch(series -> series.startsWith("hikaricp_connections_active{"));
        assertThat(scrape.text()).contains("# TYPE gatehouse_registrations_total counter");
    }

    @Test
    void no_label_value_names_a_person_a_token_or_an_address() {
        registered();
        MetricsScrape scrape = MetricsScrape.of(http);
        List<String> values = new ArrayList<>();
        for (String series : scrape.samples().keySet()) {
            Matcher label = LABEL_VALUE.matcher(series);
            while (label.find()) {
                values.add(label.group(1));
            }
        }
        assertThat(values).isNotEmpty().noneMatch(value -> PERSONAL.matcher(value).matches());
        assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(scrape.text()).doesNotContain(secret));
    }

    @Test
    void metrics_can_be_switched_off_and_a_bad_switch_stops_the_start() {
        try (EmbeddedServer off = GatehouseServer.start(Map.of("gatehouse.metrics.enabled", "false"))) {
            assertThat(new HttpFixture(off).send(new HttpFixture(off).request("/metrics").GET()).statusCode()).isEqualTo(404);
        }
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.metrics.enabled", "maybe")).close())
                .hasRootCauseInstanceOf(ConfigurationException.class)
                .rootCause().hasMessageContaining("gatehouse.metrics.enabled");
    }

    private String registered() {
        String email = HttpFixture.anEmail();
        Map<String, Object> session = http.register(email);
        remember(email);
        remember((String) session.get("access_token"));
        remember((String) session.get("refresh_token"));
        remember((String) session.get("user_id"));
        return email;
    }

    private String remember(String secret) {
        secrets.add(secret);
        return secret;
    }
}
