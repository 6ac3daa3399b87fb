package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.token.RevocationReason;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.yml} from a running server is a valid OpenAPI 3 document, and it documents exactly
 * the routes the server has: a new controller method without documentation, or documentation of a
 * route that is gone, fails here.
 */
class OpenApiDocumentTest {

    /**
     * Routes that are not part of the API the document describes: the explorer's own files, the demo. (The HEAD
     * route Micronaut adds to every GET is left out too.)
     */
    private static final Set<String> UNDOCUMENTED = Set.of("GET /docs/{asset}",
            "GET /demo-api/hello"); // development mode only: the stand-in API behind the demo's /bff

    /**
     * Served by a filter (BffProxyFilter) or as a static resource, not a route: described in
     * adapters-web/src/main/openapi/*.yml.
     */
    private static final Set<String> NOT_ROUTES = Set.of("GET /bff/api/{path}", "POST /bff/api/{path}", "PUT /bff/api/{path}",
            "PATCH /bff/api/{path}", "DELETE /bff/api/{path}", "OPTIONS /bff/api/{path}", "GET /sdk/gatehouse.js");

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void the_document_is_valid_openapi_3() {
        HttpResponse<String> response = http.send(http.request("/openapi.yml").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));

        SwaggerParseResult parsed = parse(response.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Gatehouse");
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKeys("Problem", "OAuthError", "TokenResponse", "TokenRequest");
    }

    @Test
    void the_json_document_is_the_same_document() {
        HttpResponse<String> json = http.send(http.request("/openapi.json").GET());
        assertThat(json.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = parse(json.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI()).isEqualTo(parse(http.send(http.request("/openapi.yml").GET()).body()).getOpenAPI());
    }

    @Test
    void the_document_describes_exactly_the_routes_of_the_server() {
        Set<String> routes = GatehouseServer.context().getBean(Router.class).uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routes).containsAll(UNDOCUMENTED);
        Set<String> expected = new TreeSet<>(routes);
        expected.removeIf(route -> route.startsWith("HEAD ") && routes.contains("GET " + route.substring(5)));
        expected.removeAll(UNDOCUMENTED);
        expected.addAll(NOT_ROUTES);

        assertThat(operations(document())).isEqualTo(expected);
    }

    @Test
    void every_operation_of_the_contract_is_documented_with_its_answers() {
        OpenAPI document = document();
        assertThat(operations(document)).contains("POST /auth/register", "POST /auth/token", "POST /auth/sign-out",
                "POST /auth/revoke", "POST /auth/sign-out-everywhere", "GET /auth/sessions", "DELETE /auth/sessions/{id}",
                "GET /auth/me", "GET /.well-known/jwks.json", "GET /.well-known/oauth-authorization-server", "GET /health",
                "GET /health/readiness", "POST /bff/login", "POST /bff/logout", "GET /metrics", "GET /openapi.yml", "GET /docs",
                "GET /sdk/gatehouse.js");
        var token = document.getPaths().get("/auth/token").getPost();
        assertThat(token.getRequestBody().getContent()).containsKeys("application/x-www-form-urlencoded", "application/json");
        assertThat(token.getResponses()).containsKeys("200", "400", "401", "429", "503");
        assertThat(token.getResponses().get("400").getContent().get("application/json").getSchema().get$ref()).endsWith("/OAuthError");
        assertThat(token.getParameters()).anySatisfy(p -> assertThat(p.getName() + " " + p.getIn()).isEqualTo("__Host-gh_refresh cookie"));
        var me = document.getPaths().get("/auth/me").getGet();
        assertThat(me.getSecurity()).anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"));
        assertThat(me.getResponses().get("401").getContent().get("application/problem+json").getSchema().get$ref()).endsWith("/Problem");
        assertThat(document.getPaths().get("/bff/logout").getPost().getParameters()).extracting(p -> p.getName())
                .contains("__Host-gh_access", "__Host-gh_bff");
    }

    /**
     * No operation is left to the generator's defaults, which describe a {@code byte[]} body as a base64 string
     * and every answer as {@code 200 object}: a client generated from those breaks on the real answers.
     */
    @Test
    void every_operation_describes_its_own_body_and_answers() {
        Map<String, String> undescribed = new TreeMap<>();
        document().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSummary() == null) {
                undescribed.put(name, "no summary");
            }
            operation.getResponses().forEach((status, response) -> {
                if (response.get$ref() == null && (response.getDescription() == null
                        || response.getDescription().matches(".* " + status + " response"))) {
                    undescribed.put(name, "undescribed answer " + status);
                }
            });
            if (operation.getRequestBody() != null && operation.getRequestBody().get$ref() == null) {
                operation.getRequestBody().getContent().forEach((type, content) -> {
                    if ("byte".equals(content.getSchema().getFormat())) {
                        undescribed.put(name, "body " + type + " as a base64 string");
                    }
                });
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    /**
     * A service client may authenticate by HTTP Basic at the OAuth endpoints ({@code client_secret_basic}, which the RFC 8414
     * metadata names), every other client by no scheme at all; a refused Basic gets its challenge.
     */
    @Test
    void the_oauth_endpoints_take_http_basic_or_no_authentication() {
        OpenAPI document = document();
        var basic = document.getComponents().getSecuritySchemes().get("basic");
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        for (String path : List.of("/auth/token", "/auth/revoke")) {
            var operation = document.getPaths().get(path).getPost();
            assertThat(operation.getSecurity()).as(path).containsExactlyInAnyOrder(new SecurityRequirement(),
                    new SecurityRequirement().addList("basic"));
            assertThat(operation.getResponses().get("401").getHeaders()).as(path).containsKey("WWW-Authenticate");
        }
        assertThat(document.getComponents().getSchemas().get("RevocationRequest").getRequired()).containsExactly("token");
    }

    /**
     * What a sign-out takes: a refresh token (body or cookie) or a bearer token (API.md); what the framework and the filters
     * answer to a body of the wrong type; what a revocation and a registration's {@code clientId} really are.
     */
    @Test
    void the_small_print_is_that_of_the_server() {
        OpenAPI document = document();
        assertThat(document.getPaths().get("/auth/sign-out").getPost().getSecurity()).containsExactlyInAnyOrder(
                new SecurityRequirement(), new SecurityRequirement().addList("bearer"));
        assertThat(document.getPaths().get("/auth/revoke").getPost().getResponses().get("200").getContent()).as("no body").isNull();
        Schema<?> clientId = (Schema<?>) document.getComponents().getSchemas().get("RegistrationRequest").getProperties().get("clientId");
        assertThat(clientId.getNullable()).as("null is refused").isNotEqualTo(Boolean.TRUE);
        Schema<?> error = (Schema<?>) document.getComponents().getSchemas().get("OAuthError").getProperties().get("error");
        assertThat(error.getEnum()).map(Object::toString).contains("invalid_request", "invalid_client", "invalid_grant",
                "unauthorized_client", "unsupported_grant_type", "invalid_scope", "too_many_requests", "temporarily_unavailable");
        assertThat(document.getComponents().getSchemas().get("OAuthError").getRequired()).contains("error");
    }

    /**
     * A generated client percent-encodes the {@code {path}} of {@code /bff/api}, and the proxy refuses an encoded {@code /}
     * (API.md): the parameter says so, and how to call such paths instead.
     */
    @Test
    void the_bff_path_parameter_says_that_generated_clients_reach_one_segment_only() {
        var path = document().getPaths().get("/bff/api/{path}").getGet().getParameters().stream()
                .filter(parameter -> "path".equals(parameter.getName())).findFirst().orElseThrow();
        assertThat(path.getDescription()).contains("percent-encodes", "%2F", "fetch(");
    }

    /** Every route that takes a body answers 415 to one of another type, in the error format of its endpoint. */
    @Test
    void every_operation_with_a_body_documents_its_415() {
        Map<String, Object> missing = new TreeMap<>();
        document().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getRequestBody() != null && !NOT_ROUTES.contains(name)) {
                var unsupported = operation.getResponses().get("415");
                String format = path.equals("/auth/token") || path.equals("/auth/revoke") ? "application/json" : "application/problem+json";
                if (unsupported == null || unsupported.getContent() == null || !unsupported.getContent().containsKey(format)) {
                    missing.put(name, unsupported);
                }
            }
        }));
        assertThat(missing).isEmpty();
    }

    /** OAS 3.0 (Security Requirement Object): scopes are listed for OAuth 2.0 and OpenID Connect schemes only. */
    @Test
    void no_requirement_lists_scopes_of_an_http_scheme() {
        OpenAPI document = document();
        Map<String, Object> scoped = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getSecurity() != null) {
                operation.getSecurity().forEach(requirement -> requirement.forEach((scheme, scopes) -> {
                    if (document.getComponents().getSecuritySchemes().get(scheme).getType() == SecurityScheme.Type.HTTP
                            && !scopes.isEmpty()) {
                        scoped.put(method + " " + path, requirement);
                    }
                }));
            }
        }));
        assertThat(scoped).isEmpty();
    }

    /** Every throttled operation names its 429 and the {@code Retry-After} to wait (API.md: "429 + Retry-After"). */
    @Test
    void every_throttled_operation_documents_its_429_with_retry_after() {
        OpenAPI document = document();
        for (var operation : List.of(document.getPaths().get("/auth/register").getPost(), document.getPaths().get("/auth/token").getPost(),
                document.getPaths().get("/bff/login").getPost(), document.getPaths().get("/auth/password-reset").getPost(),
                document.getPaths().get("/auth/password").getPost(), document.getPaths().get("/auth/me").getDelete(),
                document.getPaths().get("/auth/email-verification").getPost())) {
            assertThat(operation.getResponses()).as(operation.getOperationId()).containsKey("429");
            assertThat(operation.getResponses().get("429").getHeaders()).as(operation.getOperationId()).containsKey("Retry-After");
        }
        assertThat(document.getPaths().get("/auth/register").getPost().getResponses().get("429").getContent())
                .containsOnlyKeys("application/problem+json");
    }

    @Test
    void the_lifecycle_and_administration_answers_are_those_of_the_contract() {
        OpenAPI document = document();
        assertThat(document.getPaths().get("/auth/password-reset").getPost().getResponses()).containsKeys("202", "400", "429")
                .doesNotContainKey("200");
        assertThat(document.getPaths().get("/auth/password").getPost().getSecurity())
                .anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"));
        assertThat(document.getPaths().get("/auth/me").getDelete().getResponses()).containsKeys("204", "400", "401");
        var disable = document.getPaths().get("/admin/users/{id}/disable").getPost();
        assertThat(disable.getResponses()).containsKeys("204", "401", "403", "404");
        assertThat(disable.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer"));
        assertThat(disable.getDescription()).contains("scope `admin`");
        Schema<?> grantType = (Schema<?>) document.getComponents().getSchemas().get("TokenRequest").getProperties().get("grant_type");
        assertThat(grantType.getEnum()).extracting(String::valueOf).contains("client_credentials");
    }

    /**
     * Every grant's answer is one {@code TokenResponse}: the members of a session and the {@code scope} of
     * {@code client_credentials} are optional, registration's answer requires the session's.
     */
    @Test
    void the_token_endpoint_answers_one_token_response_for_every_grant() {
        OpenAPI document = document();
        assertThat(document.getPaths().get("/auth/token").getPost().getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/TokenResponse");
        Schema<?> tokens = document.getComponents().getSchemas().get("TokenResponse");
        assertThat(tokens.getProperties()).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token",
                "refresh_expires_in", "session_id", "user_id", "scope");
        assertThat(tokens.getRequired()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
        assertThat(document.getComponents().getSchemas().get("RegistrationResponse").getRequired()).containsExactlyInAnyOrder(
                "access_token", "token_type", "expires_in", "refresh_expires_in", "session_id", "user_id", "user");
    }

    /** The discovery documents have their members, so that a generated client types them; the served ones have them too. */
    @Test
    void the_key_set_and_the_metadata_are_described_with_the_members_they_are_served_with() {
        OpenAPI document = document();
        assertThat(document.getPaths().get("/.well-known/jwks.json").getGet().getResponses().get("200").getContent()
                .get("application/jwk-set+json").getSchema().get$ref()).isEqualTo("#/components/schemas/JwkSet");
        Schema<?> key = document.getComponents().getSchemas().get("PublicJwk");
        assertThat(key.getRequired()).containsExactlyInAnyOrder("kty", "kid");
        Map<String, Object> served = http.object(http.send(http.request("/.well-known/jwks.json").GET()));
        assertThat((List<?>) served.get("keys")).isNotEmpty().allSatisfy(jwk -> assertThat(key.getProperties()).containsKeys(
                ((Map<?, ?>) jwk).keySet().toArray(String[]::new)));

        assertThat(document.getPaths().get("/.well-known/oauth-authorization-server").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/AuthorizationServerMetadata");
        Schema<?> metadata = document.getComponents().getSchemas().get("AuthorizationServerMetadata");
        assertThat(metadata.getRequired()).containsExactlyInAnyOrderElementsOf(
                http.object(http.send(http.request("/.well-known/oauth-authorization-server").GET())).keySet());
    }

    /**
     * API.md: the live list has {@code {id, clientId, createdAt, lastUsedAt, expiresAt, userAgent, current}}, {@code ?state=ended}
     * has {@code {id, clientId, createdAt, endedAt, endReason}}, with every reason the contract names: one item schema for both.
     */
    @Test
    void listed_sessions_have_one_schema_with_the_members_of_both_lists_and_every_end_reason() {
        OpenAPI document = document();
        assertThat(document.getPaths().get("/auth/sessions").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema().getItems().get$ref()).isEqualTo("#/components/schemas/ListedSession");
        Schema<?> listed = document.getComponents().getSchemas().get("ListedSession");
        assertThat(listed.getProperties()).containsOnlyKeys("id", "clientId", "createdAt", "lastUsedAt", "expiresAt", "userAgent",
                "current", "endedAt", "endReason");
        assertThat(listed.getRequired()).containsExactlyInAnyOrder("id", "clientId", "createdAt");
        assertThat(listed.getProperties().get("endReason").getEnum()).map(Object::toString).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RevocationReason.values()).map(RevocationReason::code).distinct().toList());
    }

    /**
     * No schema is a {@code oneOf} or {@code anyOf}: nothing on the wire says which branch an answer is, and
     * openapi-generator's clients refuse an answer that fits more than one {@code oneOf} branch (they bind each branch
     * ignoring {@code required}), or bind an {@code anyOf} answer to its first branch.
     */
    @Test
    void no_schema_leaves_a_client_to_guess_its_branch() {
        Map<String, Schema> composed = new TreeMap<>();
        OpenAPI document = document();
        document.getComponents().getSchemas().forEach((name, schema) -> collectComposed(name, schema, composed));
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.getResponses().forEach((status, answer) -> {
                    if (answer.getContent() != null) {
                        answer.getContent().forEach((type, content) ->
                                collectComposed(method + " " + path + " " + status, content.getSchema(), composed));
                    }
                })));
        assertThat(composed).isEmpty();
    }

    private static void collectComposed(String name, Schema<?> schema, Map<String, Schema> composed) {
        if (schema == null) {
            return;
        }
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            composed.put(name, schema);
        }
        collectComposed(name + "[]", schema.getItems(), composed);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, described) -> collectComposed(name + "." + property, described, composed));
        }
    }

    /**
     * A generated client accepts exactly the media types the document names for an operation's answers (openapi-generator
     * sends them as {@code Accept}): the route must produce one of them, else Micronaut answers 406 and does nothing. For an
     * operation whose success has no body that is {@code application/problem+json} alone; a route with a JSON success body
     * never produces it (that body would be labelled so). The bodyless successes stay without content.
     */
    @Test
    void every_route_produces_a_media_type_its_generated_clients_accept() {
        Map<String, List<String>> produced = new TreeMap<>();
        GatehouseServer.context().getBean(Router.class).uriRoutes().forEach(route -> produced.put(
                route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString(),
                route.getProduces().stream().map(MediaType::getName).toList()));
        Set<String> bodyless = new TreeSet<>();
        document().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            Set<String> accepted = new TreeSet<>();
            operation.getResponses().values().stream().filter(answer -> answer.getContent() != null)
                    .forEach(answer -> answer.getContent().keySet().forEach(type -> accepted.add(MediaType.of(type).getName())));
            boolean withoutBody = operation.getResponses().entrySet().stream().filter(answer -> answer.getKey().startsWith("2"))
                    .allMatch(answer -> answer.getValue().getContent() == null);
            if (withoutBody) {
                bodyless.add(name);
            }
            if (produced.containsKey(name)) {
                assertThat(produced.get(name)).as(name + " produces").containsAnyElementsOf(accepted);
                if (!withoutBody) {
                    assertThat(produced.get(name)).as(name + " produces").doesNotContain("application/problem+json");
                }
            }
        }));
        assertThat(bodyless).contains("POST /auth/sign-out", "POST /auth/sign-out-everywhere", "DELETE /auth/sessions/{id}",
                "POST /auth/email-verification", "POST /auth/email-verification/confirm", "POST /auth/password-reset",
                "POST /auth/password-reset/confirm", "POST /auth/password", "DELETE /auth/me", "POST /admin/users/{id}/disable",
                "POST /admin/users/{id}/enable", "DELETE /admin/users/{id}/sessions", "DELETE /admin/users/{id}", "POST /bff/logout");
    }

    /** A {@code required} list belongs to an object schema, never to one of its string properties. */
    @Test
    void required_members_are_listed_by_their_object_only() {
        document().getComponents().getSchemas().forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            properties.forEach((property, described) -> assertThat(described.getRequired()).as(name + "." + property)
                    .satisfiesAnyOf(required -> assertThat(required).isNull(), required -> assertThat(described.get$ref()).isNotNull(),
                            required -> assertThat(described.getType()).isEqualTo("object")));
        });
    }

    private OpenAPI document() {
        return parse(http.send(http.request("/openapi.yml").GET()).body()).getOpenAPI();
    }

    private static Set<String> operations(OpenAPI document) {
        Set<String> operations = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }
}
