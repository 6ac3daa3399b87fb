package dev.gatehouse.adapter.in.web;

import dev.gatehouse.application.port.in.IssuedTokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Hands issued tokens to a client the way it is configured for: refresh token in the body, or only in the cookie. */
final class TokenDelivery {

    private TokenDelivery() {
    }

    static MutableHttpResponse<TokenResponse> deliver(IssuedTokens tokens, ClientSettings client) {
        return deliver(HttpStatus.OK, TokenResponse.of(tokens, usesBody(client)), tokens, client);
    }

    static <B> MutableHttpResponse<B> deliver(HttpStatus status, B body, IssuedTokens tokens, ClientSettings client) {
        MutableHttpResponse<B> response = HttpResponse.<B>status(status).body(body)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache");
        if (!usesBody(client)) {
            RefreshCookie.set(response, tokens.refreshToken(), tokens.refreshExpiresIn());
        }
        return response;
    }

    static boolean usesBody(ClientSettings client) {
        return client.getDelivery() == ClientSettings.Delivery.BODY;
    }
}
