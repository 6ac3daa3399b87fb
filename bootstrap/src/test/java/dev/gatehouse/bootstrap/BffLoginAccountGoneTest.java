package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.AccountQuery;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An account deleted between a {@code /bff/login}'s sign-in and its answer (an admin's delete, a probe hit it once
 * in 160 racing logins): the login fails as for an unknown account, never with a 500. The account query that
 * finds nothing stands in for the delete landing in between.
 */
class BffLoginAccountGoneTest {

    static final String SWITCH = "gatehouse.test.account-gone-after-sign-in";

    @Test
    void a_login_whose_account_is_gone_before_the_answer_is_refused_as_incorrect() {
        try (EmbeddedServer server = GatehouseServer.start(Map.of(SWITCH, "true"))) {
            HttpFixture http = new HttpFixture(server);
            String email = HttpFixture.anEmail();
            http.register(email);

            HttpResponse<String> login = http.send(http.request("/bff/login").header("Content-Type", "application/json")
                    .header("Origin", CookieClientTest.ORIGIN).header("X-Requested-With", "gatehouse")
                    .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));

            assertThat(login.statusCode()).as(login.body()).isEqualTo(401);
            assertThat(login.body()).contains("urn:gatehouse:problem:invalid-credentials");
            assertThat(login.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("__Host-gh_bff=") && !cookie.startsWith("__Host-gh_bff=;"));
        }
    }

    /** The account query of a server where every account has just been deleted. */
    @Factory
    @Requires(property = SWITCH, value = "true")
    static class AccountGone {

        @Singleton
        @Replaces(AccountQuery.class)
        AccountQuery accounts() {
            return id -> Optional.empty();
        }
    }
}
