package dev.gatehouse.adapter.out.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class PasswordHashingTest {

    private static final Password PASSWORD = Password.of("correct horse battery");
    private static final NativeArgon2id ARGON2 = NativeArgon2id.load(2, Argon2Cost.OWASP);
    private final Argon2idPasswordHasher cheap = hasher(new Argon2Cost(1024, 1, 1));
    private final Argon2idPasswordHasher owasp = hasher(Argon2Cost.OWASP);

    @Test
    void hashes_are_salted_phc_strings_with_the_owasp_parameters() {
        PasswordHash hash = owasp.hash(PASSWORD);
        assertThat(hash.encoded()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(owasp.hash(PASSWORD)).isNotEqualTo(hash);
        assertThat(owasp.matches(PASSWORD, hash)).isTrue();
        assertThat(owasp.matches(Password.of("correct horse battery!"), hash)).isFalse();
        assertThat(owasp.needsRehash(hash)).isFalse();
    }

    @Test
    void hashes_stored_by_the_former_bouncy_castle_hasher_still_verify() {
        var stored = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$NZ7GKE7zYL9wLUpRH4a8ug$z6IBvl4vHCun54JPDDnk2+mXuWvUuQ+BNL0fYcXbHMo");
        assertThat(owasp.matches(PASSWORD, stored)).isTrue();
        assertThat(owasp.matches(Password.of("correct horse batterz"), stored)).isFalse();
        assertThat(owasp.needsRehash(stored)).isFalse();
        var multiLane = new PasswordHash("$argon2id$v=19$m=64,t=3,p=4$MWsRg8TbXx/tUv0jxpKjcQ$JKPKqpnzxlHJNa8KupX4KPy5vGPqCIQC9FRr2WF/+WA");
        assertThat(owasp.matches(Password.of("pässwörd ✓"), multiLane)).isTrue();
    }

    @Test
    void hashes_with_other_parameters_still_verify_and_ask_for_an_upgrade() {
        PasswordHash old = cheap.hash(PASSWORD);
        assertThat(owasp.matches(PASSWORD, old)).isTrue();
        assertThat(owasp.needsRehash(old)).isTrue();
    }

    @Test
    void unreadable_or_absurd_stored_hashes_never_match() {
        assertThat(cheap.matches(PASSWORD, new PasswordHash("$2b$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz012"))).isFalse();
        assertThat(cheap.matches(PASSWORD, new PasswordHash("$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"))).isFalse();
        assertThat(cheap.needsRehash(new PasswordHash("plain"))).isTrue();
    }

    @Test
    void libargon2_computes_the_reference_implementations_test_vector() {
        // argon2 reference implementation, src/test.c: Argon2id v=0x13, t=2, m=2^16 KiB, p=1, "password", "somesalt"
        byte[] tag = ARGON2.tag(bytes("password"), bytes("somesalt"), new Argon2Cost(65_536, 2, 1), 32);
        assertThat(HexFormat.of().formatHex(tag)).isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }

    @Test
    void libargon2_agrees_with_bouncy_castle_on_random_inputs_and_reuses_its_memory_safely() {
        var random = new Random(9106);
        for (int i = 0; i < 12; i++) {
            byte[] password = new byte[random.nextInt(1, 80)];
            byte[] salt = new byte[random.nextInt(8, 33)];
            random.nextBytes(password);
            random.nextBytes(salt);
            var cost = new Argon2Cost(8 * 4 + random.nextInt(0, 300), random.nextInt(1, 4), random.nextInt(1, 5));
            assertThat(ARGON2.tag(password, salt, cost, 32)).as("case %d, %s", i, cost).isEqualTo(bouncyCastle(password, salt, cost));
        }
    }

    @Test
    void a_stored_cost_larger_than_the_pooled_memory_gets_memory_of_its_own() {
        var small = NativeArgon2id.load(1, new Argon2Cost(64, 1, 1));
        var larger = new Argon2Cost(2048, 1, 1);
        byte[] salt = bytes("saltsaltsaltsalt");
        assertThat(small.tag(bytes("pw"), salt, larger, 32)).isEqualTo(bouncyCastle(bytes("pw"), salt, larger));
        assertThat(small.tag(bytes("pw"), salt, new Argon2Cost(64, 1, 1), 32))
                .isEqualTo(bouncyCastle(bytes("pw"), salt, new Argon2Cost(64, 1, 1)));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void the_work_memory_goes_back_to_the_system_when_no_hash_runs() throws Exception {
        var fresh = NativeArgon2id.load(1, Argon2Cost.OWASP);
        long before = residentKiB();
        fresh.tag(bytes("pw"), bytes("saltsaltsaltsalt"), Argon2Cost.OWASP, 32);
        long grown = residentKiB() - before;
        assertThat(grown).as("KiB still resident after a 19 MiB hash").isLessThan(8 * 1024);
    }

    private static long residentKiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, Argon2Cost cost) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(cost.memoryKiB()).withIterations(cost.iterations())
                .withParallelism(cost.parallelism()).build());
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);
        return tag;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Argon2idPasswordHasher hasher(Argon2Cost cost) {
        var gate = new HashingGate(new HashingGate.Limits(2, 4, Duration.ofSeconds(5)), System::nanoTime);
        return new Argon2idPasswordHasher(cost, ARGON2, gate, HashingGate.Lane.SIGN_IN, new SecureRandom());
    }
}
