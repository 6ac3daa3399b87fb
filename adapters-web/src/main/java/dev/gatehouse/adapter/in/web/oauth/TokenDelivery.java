package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.application.port.in.IssuedTokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Hands issued tokens to a client the way it is configured for: refresh token in the body, or only in the
 * cookie — and never to a proxy client, whose tokens only {@code /bff} holds.
 */
public final class TokenDelivery {

    private TokenDelivery() {
    }

    static MutableHttpResponse<TokenResponse> deliver(IssuedTokens tokens, ClientSettings client) {
        return deliver(HttpStatus.OK, TokenResponse.of(tokens, usesBody(client)), tokens, client);
    }

    /** {@code body} with {@code status}, never cached, plus the refresh cookie for cookie clients. */
    public static <B> MutableHttpResponse<B> deliver(HttpStatus status, B body, IssuedTokens tokens, ClientSettings client) {
        MutableHttpResponse<B> response = HttpResponse.<B>status(status).body(body)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache");
        if (!usesBody(client)) {
            HostCookie.REFRESH.set(response, tokens.refreshToken(), tokens.refreshExpiresIn());
        }
        return response;
    }

    /**
     * Whether the client's tokens may only be used by {@code /bff}: every other endpoint refuses it
     * ({@code unauthorized_client}, RFC 6749 §5.2), so that no script obtains a token of a proxy session.
     */
    public static boolean heldByProxy(ClientSettings client) {
        return client.getDelivery() == ClientSettings.Delivery.PROXY;
    }

    /** Whether the client is a service client: it acts for itself (client credentials), never for a user in a session. */
    public static boolean actsForItself(ClientSettings client) {
        return client.getDelivery() == ClientSettings.Delivery.SERVICE;
    }

    /** Whether the client gets its refresh token in the body (else only in the cookie). */
    public static boolean usesBody(ClientSettings client) {
        return client.getDelivery() == ClientSettings.Delivery.BODY;
    }
}
