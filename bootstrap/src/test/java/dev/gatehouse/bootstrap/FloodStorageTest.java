package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a flood of failing sign-ins from one address makes the service store, counted in its database:
 * a constant, whatever the size of the flood (all of it within one minute: the server's clock stands
 * still). Security events keep the address and the e-mail's pseudonym, never the e-mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloodStorageTest {

    private static final int FLOOD = 300;

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = HandMovedClock.start(Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_flood_on_one_account_costs_the_same_few_rows_after_half_of_it_as_after_all() {
        String email = HttpFixture.anEmail();
        var flooder = new HttpFixture(server);
        long before = rows();
        flood(flooder, FLOOD / 2, i -> email);
        long afterHalf = rows() - before;
        flood(flooder, FLOOD / 2, i -> email);

        assertThat(rows() - before).as("10 failure events, 1 lock event, 1 address-window event, 1 account row, 1 address row")
                .isEqualTo(afterHalf).isEqualTo(14);
    }

    @Test
    void a_spray_over_many_accounts_from_one_address_is_bounded_by_the_address_limit() {
        var sprayer = new HttpFixture(server);
        long before = rows();
        flood(sprayer, FLOOD / 2, i -> "spray-" + i + "-" + HttpFixture.anEmail());
        long afterHalf = rows() - before;
        flood(sprayer, FLOOD / 2, i -> "spray-late-" + i + "-" + HttpFixture.anEmail());

        assertThat(rows() - before).as("60 failure events and account rows, 1 address-window event and row")
                .isEqualTo(afterHalf).isEqualTo(122);
    }

    @Test
    void a_failure_event_stores_the_address_and_a_pseudonym_of_the_email_not_the_email() {
        var http = new HttpFixture(server);
        String email = HttpFixture.anEmail();
        assertThat(http.signIn(email, "wrong password").statusCode()).isEqualTo(400);

        String address = http.clientAddress();
        assertThat(Sql.number(server, "SELECT count(*) FROM security_event WHERE type = 'sign_in_failed' AND client_address = ? "
                + "AND attempted_email ~ '^[A-Za-z0-9_-]{43}$'", address)).isEqualTo(1);
        assertThat(Sql.number(server, "SELECT count(*) FROM security_event e WHERE strpos(lower(row_to_json(e)::text), ?) > 0",
                email.substring(0, email.indexOf('@')))).as("the e-mail is nowhere in the audit trail").isZero();
        assertThat(Sql.number(server, "SELECT count(*) FROM account_throttle t WHERE strpos(lower(row_to_json(t)::text), ?) > 0",
                email.substring(0, email.indexOf('@')))).as("nor in the throttling state").isZero();
    }

    private static void flood(HttpFixture from, int requests, IntFunction<String> email) {
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> answer = from.signIn(email.apply(i), "wrong password");
            assertThat(answer.statusCode()).isIn(400, 429);
        }
    }

    private long rows() {
        return Sql.number(server, "SELECT (SELECT count(*) FROM security_event) + (SELECT count(*) FROM account_throttle) "
                + "+ (SELECT count(*) FROM address_window)");
    }
}
