package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.domain.token.AccessTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.*;
import java.util.UUID;

/**
 * Bytes allocated and thread CPU per access token that the service's own {@code JwtAccessTokens} issues, with the
 * classes of the built jar (hence this package: the class is package-private), after warm-up rounds; the claims'
 * own objects (UUIDs, instants) are measured apart and subtracted. Then the same for the two ways of turning an
 * {@code Instant} into the {@code OffsetDateTime} that JDBC binds. Arguments: algorithm, tokens per round.
 */
public class AllocProbe {
    public static void main(String[] args) throws Exception {
        var keys = SigningKeys.generate(JWSAlgorithm.parse(args[0]), new SecureRandom());
        int n = Integer.parseInt(args[1]);
        var tokens = new JwtAccessTokens(keys, JOSEObjectType.JWT, "http://localhost:8080", "gatehouse", Clock.systemUTC());
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long b0 = mx.getThreadAllocatedBytes(tid), c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Instant now = Instant.now();
                var claims = new AccessTokenClaims("http://localhost:8080", new UserId(UUID.randomUUID()), "gatehouse", new ClientId("api"),
                        new FamilyId(UUID.randomUUID()), now, now.plusSeconds(900), UUID.randomUUID().toString());
                sink += tokens.issue(claims).length();
            }
            long b1 = mx.getThreadAllocatedBytes(tid), c1 = mx.getCurrentThreadCpuTime();
            // the claims' own objects (3 UUIDs, Instants) are made in both variants: measured apart
            long b2 = mx.getThreadAllocatedBytes(tid), c2 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Instant now = Instant.now();
                var claims = new AccessTokenClaims("http://localhost:8080", new UserId(UUID.randomUUID()), "gatehouse", new ClientId("api"),
                        new FamilyId(UUID.randomUUID()), now, now.plusSeconds(900), UUID.randomUUID().toString());
                sink += claims.tokenId().length();
            }
            long b3 = mx.getThreadAllocatedBytes(tid), c3 = mx.getCurrentThreadCpuTime();
            System.out.printf("%s round %d: issue %.0f bytes/op, %.2f us cpu/op (claims alone %.0f bytes, %.2f us)%n", args[0], round,
                    (b1 - b0 - (b3 - b2)) / (double) n, (c1 - c0 - (c3 - c2)) / 1000.0 / n, (b3 - b2) / (double) n, (c3 - c2) / 1000.0 / n);
        }
        Instant t = Instant.now();
        for (int round = 0; round < 3; round++) {
            long b0 = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) sink += OffsetDateTime.ofInstant(t, ZoneOffset.UTC).getNano();
            long b1 = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) sink += OffsetDateTime.of(LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC), ZoneOffset.UTC).getNano();
            long b2 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("OffsetDateTime.ofInstant %.0f bytes/op, of(LocalDateTime.ofEpochSecond) %.0f bytes/op%n", (b1 - b0) / 1e5, (b2 - b1) / 1e5);
        }
        System.out.println(sink);
    }
}
