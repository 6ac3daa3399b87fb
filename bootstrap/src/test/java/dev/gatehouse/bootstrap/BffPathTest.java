package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths that the upstream, or a servlet container or Spring in front of it, could read as leaving the
 * configured base path are refused with a 400 problem before any upstream contact: the upstream stub
 * records every request it gets, under any path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffPathTest {

    private final BffFixture bff = BffFixture.forTestClass();
    private BffFixture.Session session;

    @BeforeAll
    void logIn() {
        session = bff.session();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "..", ".", "a/..", "a/../../b", "a/./b",
            "..;", "..;/admin", "a/..;/..;/admin", ".;jsessionid=x/admin", "..;x=y/admin", "a/..;jsessionid=1",
            "%2e%2e/admin", "%2E%2e/admin", ".%2e/admin", "%2e/admin", "%2e%2e;/admin", "..%3b/admin", "%2e%2e%3bx=y/admin",
            "%252e%252e/admin", "%252E%252E%253B/admin", "%25%32%65%25%32%65/admin", "%252e/admin",
            "..%2Fadmin", "a%2fb", "a%2Fb", "a%5cb", "a%5C..%5Cadmin", "a%252fb", "a%252Fb", "a%255cb", "%25%32%66admin",
            "%00", "a%0d%0aX-Injected:%201", "a%250a", "a%7f",
            "%zz", "a%2", "a%", "%c0%ae%c0%ae/admin", "%c0%ae/admin", "%e0%80%ae%e0%80%ae", "%ff", "a%c0",
            "/evil.example/x", "a//b", "a/;x/b", "http://evil.example/x", "http:%2F%2Fevil.example", "%5C%5Cevil.example"})
    void a_path_that_could_leave_the_base_is_a_400_and_never_reaches_the_upstream(String path) {
        int before = bff.upstream().received().size();
        String head = bff.rawGet("/bff/api/" + path, "Cookie: " + session.cookies()).toLowerCase(Locale.ROOT);
        assertThat(head).startsWith("http/1.1 400").contains("\r\ncontent-type: application/problem+json");
        assertThat(bff.upstream().received()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@evil.example/x", "x@evil.example:80/y", "evil.example:443", "orders/42;version=2", "file%2ejson",
            "100%25", "caf%C3%A9", "a..b/...", "a/b/", ""})
    void other_paths_go_to_the_configured_upstream_under_its_base_path(String path) {
        int before = bff.upstream().received().size();
        HttpResponse<String> response = bff.http.send(bff.http.request("").uri(URI.create(bff.server().getURL() + "/bff/api/" + path))
                .header("Cookie", session.cookies()).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bff.upstream().received()).hasSize(before + 1);
        assertThat(bff.last().rawPath()).isEqualTo("/base/" + path);
    }
}
