package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.account.UserView;
import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.CookieParameters;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.AccountQuery;
import dev.gatehouse.application.port.in.SignInUseCase;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.port.in.SignOutUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
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
 * {@code POST /bff/login} and {@code POST /bff/logout}: the browser signs in as the proxy client
 * ({@link BffClient}) and gets two HttpOnly cookies, {@code __Host-gh_access} and {@code __Host-gh_bff},
 * never a token it could read; no endpoint outside {@code /bff} accepts either. Both are CSRF-checked first
 * ({@link BffCsrfFilter}), and again here.
 */
@Controller("/bff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "BFF")
@ProblemResponses.CsrfRefused
@ProblemResponses.Unavailable
final class BffController {

    private final SignInUseCase signIn;
    private final SignOutUseCase signOut;
    private final AccountQuery accounts;
    private final BffClient client;
    private final StrictJson json;
    private final ClientAddresses addresses;
    private final CsrfGuard csrf;

    BffController(SignInUseCase signIn, SignOutUseCase signOut, AccountQuery accounts, BffClient client,
            StrictJson json, ClientAddresses addresses, CsrfGuard csrf) {
        this.signIn = signIn;
        this.signOut = signOut;
        this.accounts = accounts;
        this.client = client;
        this.json = json;
        this.addresses = addresses;
        this.csrf = csrf;
    }

    /** The body of {@code POST /bff/login}, read strictly by {@link StrictJson}; the password never reaches {@code toString()}. */
    @Serdeable
    record LoginRequest(String email, String password) {

        @Override
        public String toString() {
            return "LoginRequest[input redacted]";
        }
    }

    /** The answer of a successful login. */
    @Serdeable
    record LoggedIn(boolean loggedIn, UserView user) {
    }

    @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in for the /bff proxy: two HttpOnly cookies, no token in the answer",
            parameters = @Parameter(name = CookieParameters.CSRF_HEADER, in = ParameterIn.HEADER,
                    description = CookieParameters.CSRF_DESCRIPTION, schema = @Schema(type = "string")), requestBody = @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginRequest.class))))
    @ApiResponse(responseCode = "200", description = "`{\"loggedIn\":true,\"user\":{...}}`; `Cache-Control: no-store`",
            headers = @Header(name = "Set-Cookie", description = "`__Host-gh_access` and `__Host-gh_bff`"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoggedIn.class)))
    @ApiResponse(responseCode = "401", description = "The e-mail or password is incorrect",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.BadRequest
    @ProblemResponses.Throttled
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> login(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Optional<MutableHttpResponse<?>> refusal = csrf.refusal(request, client.settings());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        LoginRequest fields = json.read(body, LoginRequest.class);
        SignInResult result = signIn.signIn(new SignInCommand(fields.email(), fields.password(),
                client.id(), request.getHeaders().get(HttpHeaders.USER_AGENT), addresses.of(request)));
        if (result instanceof SignInResult.SignedIn signedIn) {
            Optional<UserView> user = accounts.account(signedIn.tokens().userId()).map(UserView::of);
            if (user.isEmpty()) {
                return incorrect(); // deleted since the sign-in, and its session with it
            }
            MutableHttpResponse<LoggedIn> response = HttpResponse.ok(new LoggedIn(true, user.get()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            HostCookie.setSession(response, signedIn.tokens());
            return response;
        }
        if (result instanceof SignInResult.Throttled throttled) {
            return Responses.retryLater(ProblemType.TOO_MANY_REQUESTS, "Too many sign-in attempts; try again later.",
                    throttled.retryAfter());
        }
        if (result instanceof SignInResult.InvalidCredentials) {
            return incorrect();
        }
        throw new UnknownResultException(result);
    }

    private static MutableHttpResponse<?> incorrect() {
        return Responses.problem(ProblemType.INVALID_CREDENTIALS, "The email or password is incorrect.");
    }

    @ProblemResponses.BodylessSuccess
    @Post(uri = "/logout", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "End the /bff session and clear both cookies", parameters = {
                @Parameter(name = CookieParameters.ACCESS, in = ParameterIn.COOKIE,
                        description = CookieParameters.ACCESS_DESCRIPTION, schema = @Schema(type = "string")),
                @Parameter(name = CookieParameters.BFF, in = ParameterIn.COOKIE,
                        description = CookieParameters.BFF_DESCRIPTION, schema = @Schema(type = "string")),
                @Parameter(name = CookieParameters.CSRF_HEADER, in = ParameterIn.HEADER,
                        description = CookieParameters.CSRF_DESCRIPTION, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "204", description = "Signed out; both cookies cleared (`Max-Age=0`)",
            headers = @Header(name = "Set-Cookie", description = "`__Host-gh_access=` and `__Host-gh_bff=` with `Max-Age=0`"))
    HttpResponse<?> logout(HttpRequest<?> request) {
        Optional<MutableHttpResponse<?>> refusal = csrf.refusal(request, client.settings());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        HostCookie.BFF.read(request).ifPresent(token -> signOut.signOut(token, client.id()::equals, addresses.of(request)));
        MutableHttpResponse<?> response = HttpResponse.noContent();
        HostCookie.clearSession(response);
        return response;
    }
}
