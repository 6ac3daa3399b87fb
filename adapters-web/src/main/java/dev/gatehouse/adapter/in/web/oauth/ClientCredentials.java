package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.body.MalformedBodyException;
import dev.gatehouse.adapter.in.web.body.Utf8;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a token or revocation request (RFC 7009 §2.1) says it is: {@code client_id} and {@code client_secret} from HTTP Basic (RFC 6749
 * §2.3.1: each form-urlencoded, then joined by a colon, RFC 7617) or from the parameters. One method per
 * request (§2.3): Basic together with {@code client_secret}, or a {@code client_id} parameter that names
 * another client than Basic, is malformed. Other {@code Authorization} schemes are ignored here.
 *
 * @param secret the presented secret, or {@code null} when none was
 * @param basic  whether HTTP Basic was used (a refusal then carries the {@code Basic} challenge)
 */
record ClientCredentials(String clientId, String secret, boolean basic) {

    /** Why a client named by a configured id is refused: no secret, or a wrong one. */
    static final String NOT_AUTHENTICATED = "The client could not be authenticated.";
    /** Why a client's address must wait before it authenticates again. */
    static final String TOO_MANY_ATTEMPTS = "Too many attempts; try again later.";
    /** Why a client without a secret is refused when a secret is presented for it. */
    static final String NO_SECRET = "This client has no secret: name it by client_id alone.";
    /** Why a client id names no configured client. */
    static final String UNKNOWN = "The client_id is missing or unknown.";
    /** How a security event names an unknown client id that is not spelt like one ({@link #recordedId}). */
    static final String MALFORMED_ID = "(malformed)";
    private static final Pattern BASIC = Pattern.compile("(?i)basic +([A-Za-z0-9+/]+=*)");
    private static final Pattern ID_SPELLING = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + ", secret redacted]";
    }

    /**
     * The presented client id as a security event records it when it names no configured client: as presented
     * when it is spelt like an id (1 to 64 RFC 3986 unreserved characters), else {@link #MALFORMED_ID}. The id is
     * the caller's own text, and the event's log line and table row take neither control characters (a forged
     * log line, a NUL that PostgreSQL refuses) nor a megabyte of it.
     */
    ClientId recordedId() {
        return new ClientId(ID_SPELLING.matcher(clientId).matches() ? clientId : MALFORMED_ID);
    }

    /**
     * Whether these credentials hold a secret for {@code client}, which has none: only service clients have secrets, and
     * a client authentication method a client does not have fails (RFC 6749 §2.3, §5.2 {@code invalid_client}); a made-up
     * secret must not pass as if it had been checked. An empty secret ({@code Basic base64("api:")}, which some OAuth
     * libraries send for public clients) is no secret.
     */
    boolean secretForPublic(ClientSettings client) {
        return secret != null && !secret.isEmpty() && !TokenDelivery.actsForItself(client);
    }

    /** The secret to compare: a missing secret is a wrong one. */
    String presentedSecret() {
        return secret == null ? "" : secret;
    }

    /** The credentials of {@code request}; {@link FormParameters.MalformedParameters} as described above. */
    static ClientCredentials of(HttpRequest<?> request, Map<String, String> params) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic", 0, 5)) {
            return new ClientCredentials(params.get("client_id"), params.get("client_secret"), false);
        }
        ClientCredentials basic = basic(header.strip());
        if (params.containsKey("client_secret")) {
            throw new FormParameters.MalformedParameters("Authenticate the client one way: HTTP Basic or client_secret, not both.");
        }
        if (params.containsKey("client_id") && !Objects.equals(params.get("client_id"), basic.clientId())) {
            throw new FormParameters.MalformedParameters("The client_id parameter names another client than the Authorization header.");
        }
        return basic;
    }

    private static ClientCredentials basic(String header) {
        var matcher = BASIC.matcher(header);
        try {
            String userPass = Utf8.decode(Base64.getDecoder().decode(matcher.matches() ? matcher.group(1) : "!"));
            int colon = userPass.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no colon");
            }
            return new ClientCredentials(FormParameters.decode(userPass.substring(0, colon)),
                    FormParameters.decode(userPass.substring(colon + 1)), true);
        } catch (IllegalArgumentException | MalformedBodyException | FormParameters.MalformedParameters notBasic) {
            throw new FormParameters.MalformedParameters(
                    "The Authorization header holds no HTTP Basic client credentials (RFC 6749 §2.3.1).");
        }
    }
}
