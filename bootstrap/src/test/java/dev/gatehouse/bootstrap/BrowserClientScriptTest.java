package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /sdk/gatehouse.js} serves the browser client as an ES module with the media type of RFC 9239
 * (what it does in a browser: {@code browser.BrowserClientTest}); the demo's script goes out the same way. No
 * static file may be sniffed, and the demo's page may not be framed.
 */
class BrowserClientScriptTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void the_browser_client_is_an_es_module_served_as_text_javascript() {
        HttpResponse<String> script = http.send(http.request("/sdk/gatehouse.js").GET());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript");
        assertThat(script.body()).contains("export function createClient(", "navigator.locks.request(REFRESH_LOCK");
    }

    @Test
    void a_page_of_an_allowed_origin_may_import_it() {
        // a module script of another origin is fetched in CORS mode; http://localhost:5173 is the web client's default origin
        HttpResponse<String> script = http.send(http.request("/sdk/gatehouse.js").header("Origin", "http://localhost:5173").GET());

        assertThat(script.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    @Test
    void the_demo_script_is_text_javascript_too() {
        HttpResponse<String> script = http.send(http.request("/demo/app.js").GET());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sdk/gatehouse.js", "/demo/app.js", "/demo/index.html", "/demo/"})
    void a_static_file_is_not_sniffed_and_the_demo_page_may_not_be_framed(String path) {
        HttpResponse<String> file = http.send(http.request(path).GET());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        if (!path.endsWith(".js")) {
            assertThat(file.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(file.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("frame-ancestors 'none'", "script-src 'self'", "default-src 'none'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sdk/gatehouse.js", "/demo/app.js", "/demo/index.html"})
    void a_static_file_is_read_with_get_or_head_only(String path) {
        assertThat(http.send(http.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        for (String method : List.of("DELETE", "PUT", "POST", "TRACE")) {
            HttpResponse<String> refused = http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(refused.statusCode()).as(method).isEqualTo(405);
            assertThat(refused.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }
}
