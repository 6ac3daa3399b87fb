package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.security.KeyMaterial;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;

/**
 * {@code java -jar gatehouse.jar --generate-keys [EdDSA|ES256|RS256]}: prints fresh production keys as
 * environment-variable lines, to standard output only (never to a log).
 */
final class KeysCommand {

    static final String FLAG = "--generate-keys";
    private static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256", "RS256");

    private KeysCommand() {
    }

    static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String algorithm = args.length > 1 ? args[1] : "EdDSA";
        if (!ALGORITHMS.contains(algorithm)) {
            err.println("usage: java -jar gatehouse.jar " + FLAG + " [EdDSA|ES256|RS256]");
            return 2;
        }
        var random = new SecureRandom();
        out.println("GATEHOUSE_TOKENS_SIGNING_ALGORITHM=" + algorithm);
        out.println("GATEHOUSE_KEYS_SIGNING='" + KeyMaterial.signingKeySet(algorithm, random) + "'");
        out.println("GATEHOUSE_KEYS_REFRESH_SECRET=" + KeyMaterial.refreshSecret(random));
        return 0;
    }
}
