package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The demo page's static files are in the jar and served in development mode (the README's browser demo). */
class DemoPageIT extends AgainstTheSharedJar {

    DemoPageIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @Test
    void the_demo_page_is_served() {
        HttpResponse<String> page = http.get("/demo/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Http.contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("app.js", "id=\"bff-login\"");
    }

    @Test
    void the_demo_script_is_served_as_javascript() {
        HttpResponse<String> script = http.get("/demo/app.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(Http.contentType(script)).containsAnyOf("javascript", "ecmascript");
        assertThat(script.body()).contains("X-Requested-With", "/bff/api/");
    }
}
