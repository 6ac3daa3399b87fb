package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Racing refreshes of one token (many browser tabs, or a retry storm) never fork the family. */
class RefreshRaceTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void fifty_parallel_refreshes_of_one_token_all_get_the_identical_successor() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        URI server = GatehouseServer.shared().getURI();

        List<HttpResponse<String>> answers = RefreshRace.run(http.client(), List.of(server), (String) registered.get("refresh_token"), 50);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        List<Object> successors = answers.stream().map(answer -> http.object(answer).get("refresh_token")).distinct().toList();
        assertThat(successors).hasSize(1);
        assertThat((String) successors.get(0)).contains(".1.");
        assertThat(http.refresh((String) successors.get(0)).statusCode()).as("exactly one live token: the successor").isEqualTo(200);
    }
}
