package dev.gatehouse.bootstrap.demo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * What a resource server does with a Gatehouse access token: fetch the JWK Set over HTTP, pick the key by
 * {@code kid}, check signature, {@code typ} (the configured one), audience and expiry. Deliberately independent of Gatehouse's
 * own verifier.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
final class JwksVerifier {

    private final EmbeddedServer server;
    private final String audience;
    private final String type;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    JwksVerifier(EmbeddedServer server, @Value("${gatehouse.audience:gatehouse}") String audience,
            @Value("${gatehouse.tokens.access-token-type:JWT}") String type, Clock clock) {
        this.server = server;
        this.audience = audience;
        this.type = type;
        this.clock = clock;
    }

    Optional<Map<String, Object>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = keys().getKeyByKeyId(jwt.getHeader().getKeyID());
            var claims = jwt.getJWTClaimsSet();
            boolean valid = key != null && type.equals(String.valueOf(jwt.getHeader().getType()))
                    && signatureValid(jwt, key)
                    && claims.getAudience().contains(audience)
                    && claims.getExpirationTime().after(Date.from(clock.instant()));
            return valid ? Optional.of(claims.getClaims()) : Optional.empty();
        } catch (Exception unusable) {
            return Optional.empty();
        }
    }

    private JWKSet keys() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.getURL() + "/.well-known/jwks.json")).GET().build();
        return JWKSet.parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static boolean signatureValid(SignedJWT jwt, JWK key) throws Exception {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (key instanceof RSAKey rsa && JWSAlgorithm.RS256.equals(alg)) {
            return jwt.verify(new RSASSAVerifier(rsa));
        }
        if (key instanceof ECKey ec && JWSAlgorithm.ES256.equals(alg)) {
            return jwt.verify(new ECDSAVerifier(ec));
        }
        if (key instanceof OctetKeyPair okp && JWSAlgorithm.EdDSA.equals(alg)) {
            var verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(okp.getDecodedX(), 0));
            byte[] input = jwt.getSigningInput();
            verifier.update(input, 0, input.length);
            return verifier.verifySignature(jwt.getSignature().decode());
        }
        return false;
    }
}
