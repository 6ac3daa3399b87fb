package dev.gatehouse.adapter.in.web.ops;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /docs}: Swagger UI for {@code /openapi.yml}, served from the {@code org.webjars:swagger-ui} jar
 * inside the service, so the page needs no other host (its Content-Security-Policy allows none).
 * {@code /docs/{asset}} serves only the few files the page loads.
 */
@Controller("/docs")
@Tag(name = "Documents")
final class ApiExplorerController {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Served asset: its classpath resource and media type. */
    private record Asset(String resource, String type) {
    }

    private final String page;
    private final Map<String, Asset> assets;

    ApiExplorerController() {
        String ui = WEBJAR + webjarVersion() + "/";
        this.page = ApiDocumentController.read("gatehouse-docs/index.html");
        this.assets = Map.of(
                "swagger-ui.css", new Asset(ui + "swagger-ui.css", "text/css"),
                "swagger-ui-bundle.js", new Asset(ui + "swagger-ui-bundle.js", "text/javascript"),
                "explorer.js", new Asset("gatehouse-docs/explorer.js", "text/javascript"));
    }

    @Get(produces = "text/html; charset=utf-8")
    @Operation(summary = "An API explorer (Swagger UI) for this document, served by the service itself")
    @ApiResponse(responseCode = "200", description = "The explorer's page; it loads its files from `/docs/` only",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    HttpResponse<String> page() {
        return HttpResponse.ok(page).contentType("text/html; charset=utf-8").header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get("/{asset}")
    @Hidden
    HttpResponse<?> asset(String asset) {
        Asset found = assets.get(asset);
        if (found == null) {
            return Responses.problem(ProblemType.NOT_FOUND, "No such file.");
        }
        return HttpResponse.ok(ApiDocumentController.class.getClassLoader().getResourceAsStream(found.resource()))
                .contentType(found.type()).header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff");
    }

    private static String webjarVersion() {
        try (InputStream in = ApiExplorerController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
