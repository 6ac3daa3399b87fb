package dev.gatehouse.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.token.ClientId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scope tokens as RFC 6749 §3.3 writes them, and what a service client may be granted. */
class ScopesTest {

    private final ServiceClient ops = new ServiceClient(new ClientId("ops"), Scopes.of(List.of("admin", "reports")));

    @Test
    void scopes_read_and_write_space_delimited_in_their_first_order_without_duplicates() {
        assertThat(Scopes.parse("reports admin reports")).hasValueSatisfying(scopes -> {
            assertThat(scopes.toString()).isEqualTo("reports admin");
            assertThat(scopes.contains("admin")).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " admin", "admin ", "admin  reports", "ad\"min", "ad\\min", "admin\treports", "adm\u00efn"})
    void a_value_that_breaks_the_syntax_is_no_scope(String value) {
        assertThat(Scopes.parse(value)).isEmpty();
    }

    @Test
    void a_malformed_configured_scope_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> Scopes.of(List.of("ok", "not ok"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not ok");
    }

    @Test
    void a_service_client_is_granted_exactly_what_it_asks_for_when_it_may_have_each() {
        assertThat(ops.grant(Scopes.parse("reports").orElseThrow())).map(Scopes::toString).hasValue("reports");
        assertThat(ops.grant(Scopes.parse("reports admin").orElseThrow())).map(Scopes::toString).hasValue("reports admin");
        assertThat(ops.grant(Scopes.parse("admin users").orElseThrow())).isEmpty();
    }

    @Test
    void a_service_client_has_at_least_one_scope() {
        assertThatThrownBy(() -> new ServiceClient(new ClientId("x"), Scopes.of(List.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
