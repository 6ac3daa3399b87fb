package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.browser.CookieParameters;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.oauth.TokenDelivery;
import dev.gatehouse.adapter.in.web.oauth.TokenResponse;
import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.RegisterUseCase;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterCommand;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterResult;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;

/**
 * {@code POST /auth/register}: creates an account and signs it in; {@code 429} when the caller's network
 * registered too often. The body is read strictly ({@link StrictJson}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Account")
final class RegistrationController {

    private final RegisterUseCase register;
    private final ClientRegistry clients;
    private final StrictJson json;
    private final CsrfGuard csrf;
    private final ClientAddresses addresses;

    RegistrationController(RegisterUseCase register, ClientRegistry clients, StrictJson json, CsrfGuard csrf,
            ClientAddresses addresses) {
        this.register = register;
        this.clients = clients;
        this.json = json;
        this.csrf = csrf;
        this.addresses = addresses;
    }

    @Post(uri = "/auth/register", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account and sign it in (its first session)",
            parameters = @Parameter(name = CookieParameters.CSRF_HEADER, in = ParameterIn.HEADER,
                    description = CookieParameters.CSRF_DESCRIPTION, schema = @Schema(type = "string")),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegistrationRequest.class))))
    @ApiResponse(responseCode = "201", description = "The token response plus `user`; `Cache-Control: no-store`",
            headers = @Header(name = "Set-Cookie", description = "Cookie clients: `__Host-gh_refresh` (the refresh token)"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationResponse.class)))
    @ApiResponse(responseCode = "401", description = "The `clientId` is missing or unknown (`error: invalid_client`)",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "An account with this e-mail address exists already",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Too many registrations from the caller's network "
            + "(`gatehouse.throttle.registrations-per-ip-per-hour`)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.BadRequest
    @ProblemResponses.CsrfRefused
    @ProblemResponses.Unavailable
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> register(HttpRequest<?> request, @Body @Nullable byte[] body) {
        RegistrationRequest fields = json.read(body, RegistrationRequest.class);
        Optional<ClientSettings> client = clients.find(fields.clientId());
        if (client.isEmpty()) {
            return Responses.problem(ProblemType.INVALID_CLIENT, "The clientId is missing or unknown.", "invalid_client");
        }
        if (TokenDelivery.heldByProxy(client.get())) {
            return Responses.problem(ProblemType.UNAUTHORIZED_CLIENT, "Sessions of this client start at /bff/login only.",
                    "unauthorized_client");
        }
        if (TokenDelivery.actsForItself(client.get())) {
            return Responses.problem(ProblemType.UNAUTHORIZED_CLIENT, "A service client has no users and no sessions.",
                    "unauthorized_client");
        }
        Optional<MutableHttpResponse<?>> refusal = csrf.refusalForCookies(request, client.get());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        RegisterResult result = register.register(new RegisterCommand(fields.email(), fields.password(),
                fields.name(), new ClientId(client.get().getId()), request.getHeaders().get(HttpHeaders.USER_AGENT),
                addresses.of(request)));
        if (result instanceof RegisterResult.Registered registered) {
            var tokens = TokenResponse.of(registered.tokens(), TokenDelivery.usesBody(client.get()));
            return TokenDelivery.deliver(HttpStatus.CREATED, new RegistrationResponse(tokens, UserView.of(registered.account())),
                    registered.tokens(), client.get());
        }
        if (result instanceof RegisterResult.Rejected rejected) {
            return Responses.validation(rejected.violations().stream()
                    .map(violation -> new Problem.FieldError(violation.field(), violation.message())).toList());
        }
        if (result instanceof RegisterResult.Throttled throttled) {
            return Responses.retryLater(ProblemType.TOO_MANY_REQUESTS, "Too many registrations from your network; try again later.",
                    throttled.retryAfter());
        }
        if (result instanceof RegisterResult.EmailTaken) {
            return Responses.problem(ProblemType.EMAIL_TAKEN, "An account with this email address exists already.");
        }
        throw new UnknownResultException(result);
    }
}
