package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.oauth.FormParameters;
import dev.gatehouse.adapter.in.web.problem.NotAuthenticatedException;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.application.port.in.SignOutUseCase;
import dev.gatehouse.application.port.in.SignOutUseCase.SignOutResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /auth/sign-out} ends one session, named by a bearer access token, by the refresh token in
 * the JSON body ({@code {"refreshToken": ...}}), or by the refresh cookie; {@code POST
 * /auth/sign-out-everywhere} ends all of the bearer's sessions. Both take effect at once.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SignOutController {

    private final SignOutUseCase signOut;
    private final BearerAuthentication bearer;
    private final FormParameters parameters;
    private final CsrfGuard csrf;

    SignOutController(SignOutUseCase signOut, BearerAuthentication bearer, FormParameters parameters, CsrfGuard csrf) {
        this.signOut = signOut;
        this.bearer = bearer;
        this.parameters = parameters;
        this.csrf = csrf;
    }

    @Post(uri = "/auth/sign-out", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<?> signOut(HttpRequest<?> request, @Body @Nullable String body) {
        if (BearerAuthentication.presentIn(request)) {
            signOut.signOut(bearer.require(request));
            return signedOut();
        }
        Optional<String> cookie = HostCookie.REFRESH.read(request);
        if (cookie.isPresent()) {
            return signOutByCookie(request, cookie.get());
        }
        Map<String, String> fields;
        try {
            fields = parameters.read(MediaType.APPLICATION_JSON_TYPE, body);
        } catch (FormParameters.MalformedParameters malformed) {
            return Responses.problem(ProblemType.MALFORMED_REQUEST, malformed.getMessage());
        }
        String refreshToken = fields.get("refreshToken");
        if (refreshToken == null) {
            throw new NotAuthenticatedException(false);
        }
        return signOut.signOut(refreshToken) instanceof SignOutResult.SignedOut
                ? signedOut()
                : Responses.problem(ProblemType.INVALID_REFRESH_TOKEN, "The refresh token is not valid.");
    }

    @Post(uri = "/auth/sign-out-everywhere", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<?> signOutEverywhere(HttpRequest<?> request) {
        signOut.signOutEverywhere(bearer.require(request).user());
        return signedOut();
    }

    /** A cookie proves nothing by itself: the request must also come from one of a cookie client's origins. */
    private MutableHttpResponse<?> signOutByCookie(HttpRequest<?> request, String token) {
        Optional<MutableHttpResponse<?>> refusal = csrf.refusalForAnyCookieClient(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        signOut.signOut(token);
        return signedOut();
    }

    private static MutableHttpResponse<?> signedOut() {
        MutableHttpResponse<?> response = HttpResponse.noContent();
        HostCookie.REFRESH.clear(response);
        return response;
    }
}
