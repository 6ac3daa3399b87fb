package dev.gatehouse.adapter.out.security.password;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hash-only rate of Argon2id at OWASP cost (m=19456 KiB, t=2, p=1): {@code threads} threads hash for
 * {@code seconds} per round, after one unreported warm-up round. {@code service} is the service's own code path
 * (NativeArgon2id from the jar on the class path, in this package to reach it); {@code bouncycastle} is the
 * former one (Argon2BytesGenerator, 19 MiB of heap per hash). Prints one line per round, with the process's CPU
 * time per hash (it varies less than the rate on a shared machine), and the medians.
 *
 * <p>Usage: java -cp classes:gatehouse.jar dev.gatehouse.adapter.out.security.HashRate service|bouncycastle
 * threads seconds rounds
 */
public final class HashRate {

    public static void main(String[] args) throws Exception {
        String implementation = args[0];
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Supplier<byte[]> hash = hashing(implementation, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] rates = new double[rounds];
        double[] cpuPerHash = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            long cpuBefore = os.getProcessCpuTime();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        hash.get();
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            double rate = total / (double) seconds;
            double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6 / total;
            System.out.printf("%s threads=%d round=%s hashes/s=%.1f cpu_ms_per_hash=%.1f rss=%d MiB loadavg=%s%n",
                    implementation, threads, round < 0 ? "warm-up" : String.valueOf(round + 1), rate, cpuMs, rssMiB(),
                    Files.readString(Path.of("/proc/loadavg")).trim());
            if (round >= 0) {
                rates[round] = rate;
                cpuPerHash[round] = cpuMs;
            }
        }
        pool.shutdown();
        Arrays.sort(rates);
        Arrays.sort(cpuPerHash);
        System.out.printf("RESULT implementation=%s threads=%d rounds=%d median_hashes_per_s=%.1f min=%.1f max=%.1f "
                + "median_cpu_ms_per_hash=%.1f%n", implementation, threads, rounds, rates[rounds / 2], rates[0],
                rates[rounds - 1], cpuPerHash[rounds / 2]);
    }

    private static Supplier<byte[]> hashing(String implementation, int threads) {
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        Argon2Cost cost = Argon2Cost.OWASP;
        switch (implementation) {
            case "service": {
                NativeArgon2id argon2 = NativeArgon2id.load(threads, cost);
                return () -> argon2.tag(password, salt, cost, 32);
            }
            case "bouncycastle":
                return () -> {
                    var generator = new Argon2BytesGenerator();
                    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                            .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(cost.memoryKiB())
                            .withIterations(cost.iterations()).withParallelism(cost.parallelism()).build());
                    byte[] tag = new byte[32];
                    generator.generateBytes(password, tag);
                    return tag;
                };
            default:
                throw new IllegalArgumentException("service or bouncycastle, not " + implementation);
        }
    }

    private static long rssMiB() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024;
    }
}
