package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokens;
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
 * case (RFC 8725 §3.11 explicit typing; RFC 7515 §4.1.9): this service issues only that type, so tokens
 * issued under the other setting stop working here when it changes; {@code crit} and key-carrying headers ({@code jku x5u jwk x5c}) are
 * refused; {@code exp}/{@code nbf} are checked with a {@value #LEEWAY_SECONDS}-second clock leeway.
 */
final class JwtAccessTokens implements AccessTokens {

    static final long LEEWAY_SECONDS = 30;
    /** RFC 9068 §2.1. */
    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    /** Our tokens are well under 1 KiB; anything this long is not one of them. */
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final SigningKeys keys;
    private final JOSEObjectType type;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    JwtAccessTokens(SigningKeys keys, JOSEObjectType type, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.type = type;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        return sign(common(claims.issuer(), claims.subject().toString(), claims.audience(), claims.clientId(), claims.issuedAt(),
                claims.expiresAt(), claims.tokenId())
                .claim("sid", claims.sessionId().toString())
                .build());
    }

    @Override
    public String issue(ServiceTokenClaims claims) {
        return sign(common(claims.issuer(), claims.client().value(), claims.audience(), claims.client(), claims.issuedAt(),
                claims.expiresAt(), claims.tokenId())
                .claim("scope", claims.scopes().toString())
                .build());
    }

    private static JWTClaimsSet.Builder common(String issuer, String subject, String audience, ClientId client, Instant issuedAt,
            Instant expiresAt, String tokenId) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .claim("client_id", client.value())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(tokenId);
    }

    /**
     * The JWS compact serialization (RFC 7515 §7.1), the same string Nimbus's {@code SignedJWT.serialize()}
     * writes; header and claims are encoded with the JDK's base64url instead of Nimbus's constant-time codec,
     * which only secrets need (it was up to a fifth of a rotation's Java samples, docs/benchmarks.md).
     */
    private String sign(JWTClaimsSet body) {
        var header = new JWSHeader.Builder(keys.signingAlgorithm()).keyID(keys.signingKeyId()).type(type).build();
        String signingInput = CanonicalBase64Url.encode(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + CanonicalBase64Url.encode(body.toString().getBytes(StandardCharsets.UTF_8));
        try {
            return signingInput + "." + keys.signer().sign(header, signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    @Override
    public AccessTokenCheck verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return new AccessTokenCheck.Invalid("size");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !Arrays.stream(parts).allMatch(CanonicalBase64Url::isCanonical)) {
            return new AccessTokenCheck.Invalid("not three canonical base64url parts");
        }
        try {
            var jwt = new SignedJWT(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
            String headerProblem = headerProblem(jwt.getHeader());
            if (headerProblem != null) {
                return new AccessTokenCheck.Invalid(headerProblem);
            }
            var key = keys.verificationKey(jwt.getHeader().getKeyID()).orElse(null);
            if (key == null || !key.algorithm().equals(jwt.getHeader().getAlgorithm())) {
                return new AccessTokenCheck.Invalid("unknown kid or algorithm");
            }
            if (!jwt.verify(key.verifier())) {
                return new AccessTokenCheck.Invalid("signature");
            }
            return checkClaims(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException malformed) {
            return new AccessTokenCheck.Invalid("malformed");
        }
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return keys.publicJwkSet();
    }

    private String headerProblem(JWSHeader header) {
        if (!type.equals(header.getType())) {
            return "typ";
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return "crit";
        }
        if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null) {
            return "key-carrying header";
        }
        return null;
    }

    private AccessTokenCheck checkClaims(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return new AccessTokenCheck.Invalid("iss or aud");
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        Duration leeway = Duration.ofSeconds(LEEWAY_SECONDS);
        if (exp == null || iat == null || !now.isBefore(exp.toInstant().plus(leeway))) {
            return new AccessTokenCheck.Invalid("expired");
        }
        if (nbf != null && now.plus(leeway).isBefore(nbf.toInstant()) || now.plus(leeway).isBefore(iat.toInstant())) {
            return new AccessTokenCheck.Invalid("not yet valid");
        }
        String subject = claims.getSubject();
        String sid = claims.getStringClaim("sid");
        String clientId = claims.getStringClaim("client_id");
        String jti = claims.getJWTID();
        if (subject == null || clientId == null || jti == null) {
            return new AccessTokenCheck.Invalid("missing claim");
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
            return new AccessTokenCheck.Invalid("neither a session's nor a service client's token");
        }
        return new AccessTokenCheck.ValidService(new ServiceTokenClaims(claims.getIssuer(), client, audience, scopes.get(),
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(), claims.getJWTID()));
    }
}
