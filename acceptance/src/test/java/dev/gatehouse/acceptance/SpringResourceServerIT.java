package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's Spring Boot resource server, unmodified: spring-boot-starter-oauth2-resource-server configured only with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} = the jar's issuer. Spring discovers the metadata
 * (RFC 8414, {@code /.well-known/oauth-authorization-server}), fetches the JWKS and verifies Gatehouse's access
 * tokens with its defaults (API.md: the default algorithm and {@code typ} must suit it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringResourceServerIT extends AgainstTheSharedJar {

    private ConfigurableApplicationContext resourceServer;
    private Http api;

    SpringResourceServerIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    /** The whole application: one protected endpoint; security is Spring Boot's auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(HelloController.class)
    static class TeamApi {
    }

    @RestController
    static class HelloController {
        @GetMapping("/hello")
        Map<String, Object> hello(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("sub", jwt.getSubject(), "client_id", String.valueOf(jwt.getClaims().get("client_id")));
        }
    }

    @BeforeAll
    void startResourceServer() {
        resourceServer = new SpringApplicationBuilder(TeamApi.class).properties(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + gatehouse.issuer(),
                "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off").run();
        api = new Http(URI.create("http://127.0.0.1:" + resourceServer.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stopResourceServer() {
        if (resourceServer != null) {
            resourceServer.close();
        }
    }

    @Test
    void a_gatehouse_access_token_is_accepted() {
        JsonNode tokens = gatehouse.aSignedInUser();
        HttpResponse<String> response = api.getWithBearer("/hello", tokens.path("access_token").asText());

        assertThat(response.statusCode()).as("%s %s", response.headers().firstValue("WWW-Authenticate").orElse(""), response.body())
                .isEqualTo(200);
        assertThat(Http.json(response).path("sub").asText()).isEqualTo(tokens.path("user_id").asText());
        assertThat(Http.json(response).path("client_id").asText()).isEqualTo("api");
    }

    @Test
    void a_tampered_token_is_rejected() {
        String[] parts = gatehouse.aSignedInUser().path("access_token").asText().split("\\.");
        ObjectNode claims = (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put("sub", "someone-else");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(api.getWithBearer("/hello", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void a_request_without_a_token_is_rejected() {
        assertThat(api.get("/hello").statusCode()).isEqualTo(401);
    }
}
