package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapter.out.security.KeyMaterial;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Development settings never reach production: with a database URL, plain-http issuers, origins and e-mail
 * link bases are refused unless loopback, so is a missing SMTP server, and the demo page and API do not exist; production keys without a database
 * URL are refused instead of starting an embedded database. Every refusal stops the start, naming the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionGuardrailsTest {

    private EmbeddedPostgres postgres;

    @BeforeAll
    void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void production_refuses_an_http_issuer_that_is_not_loopback() {
        assertRefused(production(Map.of("gatehouse.issuer", "http://id.example.com")), "gatehouse.issuer must be an https URL");
    }

    @Test
    void production_refuses_an_http_allowed_origin_that_is_not_loopback() {
        assertRefused(production(Map.of("gatehouse.clients.web.allowed-origins", List.of("https://app.example.com", "http://app.example.com"))),
                "gatehouse.clients.web.allowed-origins must be an https URL");
    }

    @Test
    void production_refuses_email_links_to_an_http_frontend_that_is_not_loopback() {
        assertRefused(production(Map.of("gatehouse.mail.link-base-url", "http://app.example.com")),
                "gatehouse.mail.link-base-url must be an https URL when datasources.default.url is set");
    }

    @Test
    void production_refuses_to_start_without_an_smtp_server() {
        Map<String, Object> withoutMail = production(Map.of());
        withoutMail.remove("gatehouse.mail.smtp.host");
        assertRefused(withoutMail, "gatehouse.mail.smtp.host must be configured outside development mode");
    }

    @Test
    void production_takes_https_and_loopback_http_and_serves_no_demo() {
        try (EmbeddedServer server = GatehouseServer.start(production(Map.of("gatehouse.issuer", "https://id.example.com",
                "gatehouse.mail.link-base-url", "https://app.example.com",
                "gatehouse.clients.web.allowed-origins", List.of("https://app.example.com", "http://127.0.0.1:5173", "http://[::1]:5173"))))) {
            var http = new HttpFixture(server);
            assertThat(http.send(http.request("/demo/index.html").GET()).statusCode()).isEqualTo(404);
            assertThat(http.send(http.request("/demo-api/hello").GET()).statusCode()).isEqualTo(404);
            assertThat(http.send(http.request("/health").GET()).statusCode()).isEqualTo(200);
            var pool = (HikariDataSource) server.getApplicationContext().getBean(DataSource.class);
            assertThat(pool.getConnectionTimeout()).as("a dead database is a 503 in 2 s, not 30").isEqualTo(2000);
            assertThat(pool.getConnectionInitSql()).isEqualTo("SET lock_timeout = '2s'");
        }
    }

    @Test
    void development_serves_the_demo_page() {
        var http = new HttpFixture(GatehouseServer.shared());
        assertThat(http.send(http.request("/demo/index.html").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void production_keys_without_a_database_url_are_refused() {
        assertRefused(Map.of("gatehouse.keys.signing", KeyMaterial.signingKeySet("EdDSA", new SecureRandom())),
                "gatehouse.keys.signing is configured but datasources.default.url is not");
        assertRefused(Map.of("gatehouse.keys.refresh-secret", KeyMaterial.refreshSecret(new SecureRandom())),
                "gatehouse.keys.refresh-secret is configured but datasources.default.url is not");
        assertRefused(Map.of("gatehouse.keys.refresh-secrets", List.of("r1:" + KeyMaterial.refreshSecret(new SecureRandom()))),
                "gatehouse.keys.refresh-secrets is configured but datasources.default.url is not");
    }

    /** The form operations.md recommends for secrets: GATEHOUSE_KEYS_REFRESH_SECRETS lists as entry "refresh" only. */
    @Test
    void production_keys_in_environment_variables_without_a_database_url_are_refused() {
        for (String variable : List.of("GATEHOUSE_KEYS_REFRESH_SECRETS", "GATEHOUSE_KEYS_REFRESH_SECRET")) {
            var environmentVariables = PropertySource.of("env", Map.of(variable, "r1:" + KeyMaterial.refreshSecret(new SecureRandom())),
                    PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
            assertThatThrownBy(() -> DeploymentMode.choose(ApplicationContext.builder().properties(Map.of("micronaut.server.port", -1))
                    .propertySources(environmentVariables)).run(EmbeddedServer.class).close())
                    .as(variable).hasStackTraceContaining("is configured but datasources.default.url is not");
        }
    }

    @Test
    void an_unusable_throttle_or_retention_value_stops_the_start() {
        assertRefused(Map.of("gatehouse.throttle.registrations-per-ip-per-hour", 0), "gatehouse.throttle.registrations-per-ip-per-hour");
        assertRefused(Map.of("gatehouse.throttle.longest-lock", "1s"), "gatehouse.throttle.longest-lock must be at least first-lock");
        assertRefused(Map.of("gatehouse.retention.security-events", "0s"), "gatehouse.retention.security-events");
        assertRefused(Map.of("gatehouse.audience", " "), "gatehouse.audience must not be empty");
        for (String interval : List.of("abc", "-1m", "0s")) {
            assertRefused(Map.of("gatehouse.purge.interval", interval), "gatehouse.purge.interval");
        }
        for (String drain : List.of("soon", "-5s", "11m")) {
            assertRefused(Map.of("gatehouse.shutdown.drain", drain), "gatehouse.shutdown.drain");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com?tenant=a", "https://auth.example.com/#f", "auth.example.com"})
    void an_issuer_with_a_query_or_fragment_or_no_scheme_stops_the_start_in_either_mode(String issuer) {
        assertRefused(Map.of("gatehouse.issuer", issuer), "gatehouse.issuer must be an http(s) URL with a host and no query");
        assertRefused(production(Map.of("gatehouse.issuer", issuer)), "gatehouse.issuer must be an http(s) URL with a host and no query");
    }

    @Test
    void an_unusable_token_lifetime_stops_the_start_naming_its_key() {
        assertRefused(Map.of("gatehouse.tokens.access-ttl", "-5m"), "gatehouse.tokens.access-ttl must be positive");
        assertRefused(Map.of("gatehouse.tokens.reuse-grace", "5m"), "gatehouse.tokens.reuse-grace must be between 0 and 1 minute");
        assertRefused(Map.of("gatehouse.tokens.refresh-idle-ttl", "40d"),
                "gatehouse.tokens.refresh-idle-ttl must not exceed gatehouse.tokens.refresh-absolute-ttl");
        assertRefused(Map.of("gatehouse.tokens.refresh-idle-ttl", "3s", "gatehouse.tokens.access-ttl", "5s"),
                "gatehouse.tokens.refresh-idle-ttl must be longer than gatehouse.tokens.access-ttl");
    }

    /** A lifetime past what the database can store started, and then every sign-in was a 503 blaming the database. */
    @ParameterizedTest
    @ValueSource(strings = {"access-ttl", "refresh-idle-ttl", "refresh-absolute-ttl"})
    void a_token_lifetime_beyond_ten_years_stops_the_start_naming_its_key(String key) {
        Map<String, Object> huge = new HashMap<>(Map.of("gatehouse.tokens.refresh-absolute-ttl", "200000000d"));
        huge.put("gatehouse.tokens." + key, "200000000d");
        if (!key.equals("refresh-absolute-ttl")) {
            huge.put("gatehouse.tokens.refresh-absolute-ttl", "200000001d");
        }
        if (key.equals("access-ttl")) {
            huge.put("gatehouse.tokens.refresh-idle-ttl", "200000001d");
        }
        assertRefused(huge, "gatehouse.tokens." + key + " must be at most 3650 days");
    }

    /** The proxies were read on the first request that needed them: the service started, and every sign-in was a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "proxy.local"})
    void a_trusted_proxy_that_is_no_address_stops_the_start(String proxy) {
        assertRefused(Map.of("gatehouse.trusted-proxies", proxy), "gatehouse.trusted-proxies lists exact proxy addresses");
    }

    @Test
    void mail_retries_without_delay_or_links_with_credentials_stop_the_start() {
        assertRefused(Map.of("gatehouse.mail.first-retry-delay", "0s"), "gatehouse.mail.first-retry-delay");
        assertRefused(Map.of("gatehouse.mail.link-base-url", "http://user:secret@localhost:5173"),
                "gatehouse.mail.link-base-url must be an absolute http or https URL without user information, query or fragment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-url", "ftp://127.0.0.1:9000", "http://127.0.0.1:9000/base?x=1", "http://127.0.0.1:99999",
            "http://127.0.0.1:0"})
    void an_unusable_upstream_url_stops_the_start_naming_its_key(String url) {
        assertRefused(Map.of("gatehouse.bff.upstream-url", url), "gatehouse.bff.upstream-url must be an http or https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect-timeout", "read-timeout"})
    void a_proxy_timeout_of_zero_or_less_stops_the_start_naming_its_key(String key) {
        for (String timeout : List.of("-1s", "0s")) {
            assertRefused(Map.of("gatehouse.bff.upstream-url", "http://127.0.0.1:9000", "gatehouse.bff." + key, timeout),
                    "gatehouse.bff." + key + " must be a positive duration");
        }
    }

    private static void assertRefused(Map<String, Object> configuration, String message) {
        assertThatThrownBy(() -> GatehouseServer.start(configuration).close()).hasStackTraceContaining(message);
    }

    private Map<String, Object> production(Map<String, Object> overrides) {
        Map<String, Object> configuration = new HashMap<>(Map.of(
                "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "gatehouse.keys.signing", KeyMaterial.signingKeySet("EdDSA", new SecureRandom()),
                "gatehouse.keys.refresh-secret", KeyMaterial.refreshSecret(new SecureRandom()),
                "gatehouse.tokens.signing-algorithm", "EdDSA",
                "gatehouse.mail.smtp.host", "127.0.0.1"));
        configuration.putAll(overrides);
        return configuration;
    }
}
