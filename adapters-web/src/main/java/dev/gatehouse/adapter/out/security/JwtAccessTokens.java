package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.AccessTokens.Rejection;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.token.AccessTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens as JWTs with the RFC 9068 claims {@code iss sub aud client_id sid iat exp jti} and the
 * header {@code alg}, {@code kid}, {@code typ}: {@code typ} is the configured one, {@code JWT} (what
 * Spring Security, Keycloak and Auth0 verifiers expect) or {@code at+jwt} (RFC 9068 §2.1). A service
 * client's token has {@code sub} = {@code client_id} and a {@code scope} claim (RFC 9068 §2.2.3) instead of
 * {@code sid}.
 *
 * <p>Verification follows RFC 8725: each of the three parts must be canonical base64url
 * ({@link CanonicalBase64Url}; JWS compact serialization, RFC 7515 §7.1); the algorithm is the one of the key
 * named by {@code kid} (never taken from the token alone); {@code typ} must be the configured one, in any
 * case and with or without the {@code application/} prefix (RFC 8725 §3.11 explicit typing; RFC 7515 §4.1.9,
 * RFC 9068 §4): this service issues only that type, so tokens issued under the other setting stop working here
 * when it changes; a {@code crit} header, whatever it lists (also none, or {@code null}), and key-carrying headers
 * ({@code jku x5u jwk x5c}) are refused; {@code exp}/{@code nbf} are checked with a {@value #LEEWAY_SECONDS}-second clock leeway.
 */
final class JwtAccessTokens implements AccessTokens {

    static final long LEEWAY_SECONDS = 30;
    /** RFC 9068 §2.1. */
    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    private static final String APPLICATION = "application/";
    /** Our tokens are well under 1 KiB; anything this long is not one of them. */
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final SigningKeys keys;
    private final JOSEObjectType type;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    /** {@code alg kid typ} of every token signed here, and its base64url: the same for every token of one key set. */
    private final JWSHeader header;
    private final String encodedHeader;

    JwtAccessTokens(SigningKeys keys, JOSEObjectType type, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.type = type;
        this.header = new JWSHeader.Builder(keys.signingAlgorithm()).keyID(keys.signingKeyId()).type(type).build();
        this.encodedHeader = CanonicalBase64Url.encode(header.toString().getBytes(StandardCharsets.UTF_8));
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        return sign(claimsJson(claims.issuer(), claims.subject().toString(), claims.audience(), claims.clientId().value(),
                "sid", claims.sessionId().toString(), claims.issuedAt(), claims.expiresAt(), claims.tokenId()));
    }

    @Override
    public String issue(ServiceTokenClaims claims) {
        return sign(claimsJson(claims.issuer(), claims.client().value(), claims.audience(), claims.client().value(),
                "scope", claims.scopes().toString(), claims.issuedAt(), claims.expiresAt(), claims.tokenId()));
    }

    /**
     * The claims set (RFC 7519 §4) as one JSON object, written here: {@code iss sub aud client_id}, then the
     * session's {@code sid} or the service client's {@code scope}, then {@code iat exp} as NumericDates
     * (whole seconds, RFC 7519 §2) and {@code jti}. Nimbus's claims set and map-to-JSON writer built the same
     * object through a dozen intermediate objects: twice the bytes per token, an eighth of a rotation's
     * allocation (docs/benchmarks.md, section 0.12).
     */
    private static String claimsJson(String issuer, String subject, String audience, String clientId, String kind, String kindValue,
            Instant issuedAt, Instant expiresAt, String tokenId) {
        var json = new StringBuilder(320).append('{');
        member(json, "iss", issuer).append(',');
        member(json, "sub", subject).append(',');
        member(json, "aud", audience).append(',');
        member(json, "client_id", clientId).append(',');
        member(json, kind, kindValue).append(',');
        json.append("\"iat\":").append(issuedAt.getEpochSecond()).append(',');
        json.append("\"exp\":").append(expiresAt.getEpochSecond()).append(',');
        return member(json, "jti", tokenId).append('}').toString();
    }

    /** {@code "name":"value"}, the value escaped as RFC 8259 §7 requires: quotation mark, reverse solidus, U+0000–U+001F. */
    private static StringBuilder member(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    /**
     * The JWS compact serialization (RFC 7515 §7.1) of {@code claimsJson} under the header made once for the
     * signing key. Header and claims are base64url-encoded by the JDK (so is an EdDSA signature, {@link Ed25519Jws}):
     * Nimbus's constant-time codec exists for secrets, and these parts are public.
     */
    private String sign(String claimsJson) {
        String signingInput = encodedHeader + "." + CanonicalBase64Url.encode(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            return signingInput + "." + keys.signer().sign(header, signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    @Override
    public AccessTokenCheck verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return new AccessTokenCheck.Invalid(Rejection.MALFORMED, "size");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !Arrays.stream(parts).allMatch(CanonicalBase64Url::isCanonical)) {
            return new AccessTokenCheck.Invalid(Rejection.MALFORMED, "not three canonical base64url parts");
        }
        SignedJWT jwt;
        try {
            jwt = new SignedJWT(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
        } catch (ParseException | RuntimeException malformed) { // Nimbus answers a header of JSON null with a NullPointerException
            return new AccessTokenCheck.Invalid(Rejection.MALFORMED, "malformed header");
        }
        try {
            String headerProblem = headerProblem(jwt.getHeader());
            if (headerProblem != null) {
                return new AccessTokenCheck.Invalid(Rejection.MALFORMED, headerProblem);
            }
            var key = keys.verificationKey(jwt.getHeader().getKeyID()).orElse(null);
            if (key == null || !key.algorithm().equals(jwt.getHeader().getAlgorithm())) {
                return new AccessTokenCheck.Invalid(Rejection.UNKNOWN_KEY, "unknown kid or algorithm");
            }
            if (!jwt.verify(key.verifier())) {
                return new AccessTokenCheck.Invalid(Rejection.SIGNATURE, "signature");
            }
            return checkClaims(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException malformed) {
            return new AccessTokenCheck.Invalid(Rejection.MALFORMED, "malformed");
        }
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return keys.publicJwkSet();
    }

    private String headerProblem(JWSHeader header) throws ParseException {
        if (!ofConfiguredType(header.getType())) {
            return "typ";
        }
        if (JSONObjectUtils.parse(header.getParsedBase64URL().decodeToString()).containsKey("crit")) {
            return "crit";
        }
        if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null) {
            return "key-carrying header";
        }
        return null;
    }

    /**
     * Whether {@code typ} names the configured type: a {@code typ} without a slash stands for {@code application/} and
     * itself (RFC 7515 §4.1.9, RFC 9068 §4), and media types compare in any case.
     */
    private boolean ofConfiguredType(JOSEObjectType typ) {
        if (typ == null) {
            return false;
        }
        String value = typ.getType();
        String subtype = value.regionMatches(true, 0, APPLICATION, 0, APPLICATION.length()) ? value.substring(APPLICATION.length()) : value;
        return subtype.indexOf('/') < 0 && subtype.equalsIgnoreCase(type.getType());
    }

    private AccessTokenCheck checkClaims(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return new AccessTokenCheck.Invalid(Rejection.ISSUER_OR_AUDIENCE, "iss or aud");
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        Duration leeway = Duration.ofSeconds(LEEWAY_SECONDS);
        if (exp == null || iat == null || !now.isBefore(exp.toInstant().plus(leeway))) {
            return new AccessTokenCheck.Invalid(Rejection.EXPIRED, "expired");
        }
        if (nbf != null && now.plus(leeway).isBefore(nbf.toInstant()) || now.plus(leeway).isBefore(iat.toInstant())) {
            return new AccessTokenCheck.Invalid(Rejection.NOT_YET_VALID, "not yet valid");
        }
        String subject = claims.getSubject();
        String sid = claims.getStringClaim("sid");
        String clientId = claims.getStringClaim("client_id");
        String jti = claims.getJWTID();
        if (subject == null || clientId == null || jti == null) {
            return new AccessTokenCheck.Invalid(Rejection.MALFORMED, "missing claim");
        }
        if (sid == null) {
            return serviceClaims(claims, subject, new ClientId(clientId));
        }
        return new AccessTokenCheck.Valid(new AccessTokenClaims(claims.getIssuer(), new UserId(UUID.fromString(subject)),
                audience, new ClientId(clientId), new FamilyId(UUID.fromString(sid)), iat.toInstant(), exp.toInstant(), jti));
    }

    /** A token without a session is a service client's: its subject is the client, and it has scopes. */
    private AccessTokenCheck serviceClaims(JWTClaimsSet claims, String subject, ClientId client) throws ParseException {
        var scopes = Scopes.parse(claims.getStringClaim("scope"));
        if (!subject.equals(client.value()) || scopes.isEmpty()) {
            return new AccessTokenCheck.Invalid(Rejection.MALFORMED, "neither a session's nor a service client's token");
        }
        return new AccessTokenCheck.ValidService(new ServiceTokenClaims(claims.getIssuer(), client, audience, scopes.get(),
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(), claims.getJWTID()));
    }
}
