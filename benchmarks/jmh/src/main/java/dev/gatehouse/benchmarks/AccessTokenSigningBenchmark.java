package dev.gatehouse.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.adapter.out.security.Ed25519Jws;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one RFC 9068 access token (header {@code alg kid typ=at+jwt}; claims {@code iss sub aud client_id
 * sid iat exp jti}) per algorithm and provider, the way the service does it with Nimbus JOSE+JWT:
 * <ul>
 *   <li>{@link #sign}: build header + claims, sign, serialize (what a sign-in or a refresh pays);</li>
 *   <li>{@link #verify}: parse, check {@code typ}, verify the signature, read the claims (what every
 *       resource server pays on every request);</li>
 *   <li>{@link #signAndVerify}: both, one after the other.</li>
 * </ul>
 * One thread. Keys are generated once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AccessTokenSigningBenchmark {

    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    /**
     * RS256_JDK: RSA 2048, JDK provider. ES256_JDK / ES256_BC: P-256 with the JDK provider / with Bouncy
     * Castle's JCA provider. EdDSA_BC: Ed25519 with Bouncy Castle's lightweight API (as the service does).
     * EdDSA_JDK: Ed25519 with the JDK provider, for comparison (a resource server without Bouncy Castle).
     */
    @Param({"RS256_JDK", "ES256_JDK", "ES256_BC", "EdDSA_BC", "EdDSA_JDK"})
    public String variant;

    private JWSAlgorithm algorithm;
    private String keyId;
    private JWSSigner signer;
    private JWSVerifier verifier;

    // realistic claim values, fixed per trial so the measurement is the JOSE work, not UUID generation
    private final String issuer = "https://auth.example.com";
    private final String audience = "gatehouse";
    private final String clientId = "api";
    private String subject;
    private String sessionId;
    private String tokenId;
    private Date issuedAt;
    private Date expiresAt;

    /** A token signed by the current variant's key, for {@link #verify}. */
    private String token;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var random = new SecureRandom();
        keyId = UUID.randomUUID().toString();
        switch (variant) {
            case "RS256_JDK" -> {
                algorithm = JWSAlgorithm.RS256;
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, random);
                KeyPair pair = generator.generateKeyPair();
                signer = new RSASSASigner((RSAPrivateKey) pair.getPrivate());
                verifier = new RSASSAVerifier((RSAPublicKey) pair.getPublic());
            }
            case "ES256_JDK", "ES256_BC" -> {
                algorithm = JWSAlgorithm.ES256;
                ECKey key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
                var ecSigner = new ECDSASigner(key);
                var ecVerifier = new ECDSAVerifier(key.toECPublicKey());
                if (variant.endsWith("_BC")) {
                    var bouncyCastle = new BouncyCastleProvider();
                    ecSigner.getJCAContext().setProvider(bouncyCastle);
                    ecVerifier.getJCAContext().setProvider(bouncyCastle);
                }
                signer = ecSigner;
                verifier = ecVerifier;
            }
            case "EdDSA_BC" -> {
                algorithm = JWSAlgorithm.EdDSA;
                var privateKey = new Ed25519PrivateKeyParameters(random);
                var key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(privateKey.generatePublicKey().getEncoded()))
                        .d(Base64URL.encode(privateKey.getEncoded()))
                        .keyID(keyId)
                        .build();
                signer = Ed25519Jws.signer(key);
                verifier = Ed25519Jws.verifier(key);
            }
            case "EdDSA_JDK" -> {
                algorithm = JWSAlgorithm.EdDSA;
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                signer = JdkEd25519Jws.signer(pair.getPrivate());
                verifier = JdkEd25519Jws.verifier(pair.getPublic());
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        subject = UUID.randomUUID().toString();
        sessionId = UUID.randomUUID().toString();
        tokenId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        issuedAt = Date.from(now);
        expiresAt = Date.from(now.plusSeconds(900));

        token = sign();
        if (!verify().getSubject().equals(subject)) {
            throw new IllegalStateException("round trip failed for " + variant);
        }
    }

    @Benchmark
    public String sign() throws JOSEException {
        var header = new JWSHeader.Builder(algorithm).keyID(keyId).type(AT_JWT).build();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .claim("client_id", clientId)
                .claim("sid", sessionId)
                .issueTime(issuedAt)
                .expirationTime(expiresAt)
                .jwtID(tokenId)
                .build();
        var jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public JWTClaimsSet verify() throws ParseException, JOSEException {
        return parseAndVerify(token);
    }

    @Benchmark
    public JWTClaimsSet signAndVerify() throws ParseException, JOSEException {
        return parseAndVerify(sign());
    }

    private JWTClaimsSet parseAndVerify(String serialized) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(serialized);
        JWSHeader header = jwt.getHeader();
        if (!AT_JWT.equals(header.getType()) || !algorithm.equals(header.getAlgorithm()) || !keyId.equals(header.getKeyID())) {
            throw new IllegalStateException("unexpected header");
        }
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException("bad signature");
        }
        return jwt.getJWTClaimsSet();
    }
}
