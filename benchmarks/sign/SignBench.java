import java.security.*;
import java.security.spec.*;
import java.lang.management.*;
import java.util.*;
import java.util.concurrent.*;
import org.bouncycastle.crypto.params.*;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;

/**
 * Thread CPU per access-token signature, JDK / Bouncy Castle against AWS-LC (the Amazon Corretto Crypto
 * Provider inside the jar), RS256 (RSA 2048) and Ed25519, with N threads at once (docs/adr/0008-native-signing.md).
 * Also checks that the native Ed25519 signature verifies with Bouncy Castle and equals its bytes.
 * Run: benchmarks/sign/run.sh (THREADS="1 2" by default).
 */
public class SignBench {
    interface Op { byte[] sign(byte[] in) throws Exception; }
    public static void main(String[] a) throws Exception {
        Provider accp = (Provider) Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider").getField("INSTANCE").get(null);
        System.out.println("accp " + accp.getVersionStr() + " loaded=" + accp.getClass().getMethod("getLoadingError").invoke(accp));
        byte[] input = new byte[400];
        var gen = new Ed25519KeyPairGenerator(); gen.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = gen.generateKeyPair();
        var bcPriv = (Ed25519PrivateKeyParameters) pair.getPrivate();
        byte[] seed = bcPriv.getEncoded();
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        PrivateKey accpEd = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        KeyPairGenerator rg = KeyPairGenerator.getInstance("RSA"); rg.initialize(2048); KeyPair rsa = rg.generateKeyPair();
        PrivateKey accpRsa = KeyFactory.getInstance("RSA", accp).generatePrivate(new PKCS8EncodedKeySpec(rsa.getPrivate().getEncoded()));
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("ed25519-bc", in -> { var s = new Ed25519Signer(); s.init(true, bcPriv); s.update(in, 0, in.length); return s.generateSignature(); });
        ops.put("ed25519-accp", in -> { var s = Signature.getInstance("Ed25519", accp); s.initSign(accpEd); s.update(in); return s.sign(); });
        ops.put("rs256-jdk", in -> { var s = Signature.getInstance("SHA256withRSA"); s.initSign(rsa.getPrivate()); s.update(in); return s.sign(); });
        ops.put("rs256-accp", in -> { var s = Signature.getInstance("SHA256withRSA", accp); s.initSign(accpRsa); s.update(in); return s.sign(); });
        // cross-check: ACCP Ed25519 signature verifies with BC
        var v = new Ed25519Signer(); v.init(false, bcPriv.generatePublicKey()); byte[] sig = ops.get("ed25519-accp").sign(input); v.update(input, 0, input.length);
        System.out.println("accp ed25519 sig verifies with BC: " + v.verifySignature(sig) + " equal to BC sig: " + Arrays.equals(sig, ops.get("ed25519-bc").sign(input)));
        int threads = a.length > 0 ? Integer.parseInt(a[0]) : 1;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (var e : ops.entrySet()) {
            int n = e.getKey().startsWith("rs") ? 1500 : 20000;
            for (int i = 0; i < n; i++) e.getValue().sign(input);
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            var fs = new ArrayList<Future<Long>>();
            for (int t = 0; t < threads; t++) fs.add(ex.submit(() -> { long c0 = mx.getCurrentThreadCpuTime(); for (int i = 0; i < n; i++) e.getValue().sign(input); return mx.getCurrentThreadCpuTime() - c0; }));
            long cpu = 0; for (var f : fs) cpu += f.get();
            long wall = System.nanoTime() - t0;
            System.out.printf("%-14s threads=%d ops=%d cpu/op=%.1fus ops/s=%.0f%n", e.getKey(), threads, n*threads, cpu/1e3/(n*threads), n*threads/(wall/1e9));
            ex.shutdown();
        }
    }
}
