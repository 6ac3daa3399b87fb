package dev.gatehouse.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Argon2id hash exactly as the service computes it (Bouncy Castle's Argon2BytesGenerator, m=19456 KiB,
 * t=2, p=1, 16-byte salt, 32-byte tag): the ceiling for sign-ins per second on this machine, with one
 * thread and with two threads (the service runs at most availableProcessors() hashes at once).
 * Throughput mode: the score with two threads is the total of both. The heap is capped like the service's
 * in the load benchmark (-Xmx256m), since every hash allocates 19 MiB (in 1 KiB blocks), which makes the
 * garbage collector part of the cost: the two-thread case is also run with the Serial and Parallel
 * collectors (the others run with G1, the default on this machine).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseG1GC"})
@State(Scope.Thread)
public class Argon2idBenchmark {

    private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private Argon2Parameters parameters;

    @Setup
    public void setUp() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(19_456)
                .withIterations(2)
                .withParallelism(1)
                .build();
    }

    @Benchmark
    @Threads(1)
    public byte[] hashOneThread() {
        return hash();
    }

    @Benchmark
    @Threads(2)
    public byte[] hashTwoThreads() {
        return hash();
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
    public byte[] hashTwoThreadsSerialGc() {
        return hash();
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseParallelGC"})
    public byte[] hashTwoThreadsParallelGc() {
        return hash();
    }

    private byte[] hash() {
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);
        return tag;
    }
}
