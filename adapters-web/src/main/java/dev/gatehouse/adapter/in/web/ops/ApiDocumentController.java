package dev.gatehouse.adapter.in.web.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /openapi.yml} and {@code GET /openapi.json}: the OpenAPI 3 document of the service's API,
 * generated from the controllers' annotations at compile time (micronaut-openapi writes
 * {@code META-INF/swagger/openapi.yml}); the JSON is the same document, converted once at start.
 */
@Controller
@Tag(name = "Documents")
@OpenAPIDefinition(info = @Info(title = "Gatehouse", version = "1",
        description = "Sign-in and session service: JWT access tokens (RFC 9068), rotating refresh-token families "
                + "(RFC 9700), OAuth 2.0 token and revocation endpoints, a backend-for-frontend proxy. Errors are RFC 9457 "
                + "problem documents, or RFC 6749 §5.2 JSON on the OAuth endpoints.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from `POST /auth/token` (RFC 6750 §2.1); `/admin` needs one with scope `admin`, a service "
                + "client's from `grant_type=client_credentials`")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A service client's `client_id` and secret at `/auth/token` and `/auth/revoke` (`client_secret_basic`, "
                + "RFC 6749 §2.3.1: each form-urlencoded, then joined by `:`); instead, a service client may send `client_id` and "
                + "`client_secret` in the body, and every other client names itself by `client_id` alone")
final class ApiDocumentController {

    static final String DOCUMENT = "META-INF/swagger/openapi.yml";
    private static final String CACHE = "public, max-age=300";

    private final String yaml;
    private final String json;

    ApiDocumentController(JsonMapper mapper) throws IOException {
        this.yaml = read(DOCUMENT);
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        this.json = mapper.writeValueAsString(document);
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    @Operation(summary = "This OpenAPI 3 document")
    @ApiResponse(responseCode = "200", description = "The document, generated from the code",
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    HttpResponse<String> yaml() {
        return HttpResponse.ok(yaml).contentType("application/yaml").header("Cache-Control", CACHE);
    }

    @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "This OpenAPI 3 document as JSON")
    @ApiResponse(responseCode = "200", description = "The same document as `/openapi.yml`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    HttpResponse<String> json() {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", CACHE);
    }

    /** A resource of this jar as text; its absence is a build error. */
    static String read(String resource) {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
