package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.security.KeyMaterial;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;

/**
 * {@code java -jar gatehouse.jar --generate-keys [RS256|ES256|EdDSA]} (default RS256, ADR 0003): prints fresh
 * production keys as environment-variable lines, to standard output only (never to a log). The refresh
 * secret comes as a one-entry key ring, so that rotating it later means prepending an entry.
 */
final class KeysCommand {

    static final String FLAG = "--generate-keys";
    private static final Set<String> ALGORITHMS = Set.of("RS256", "ES256", "EdDSA");

    private KeysCommand() {
    }

    static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String algorithm = args.length > 1 ? args[1] : "RS256";
        if (!ALGORITHMS.contains(algorithm)) {
            err.println("usage: java -jar gatehouse.jar " + FLAG + " [RS256|ES256|EdDSA]");
            return 2;
        }
        var random = new SecureRandom();
        out.println("GATEHOUSE_TOKENS_SIGNING_ALGORITHM=" + algorithm);
        out.println("GATEHOUSE_KEYS_SIGNING='" + KeyMaterial.signingKeySet(algorithm, random) + "'");
        out.println("GATEHOUSE_KEYS_REFRESH_SECRETS=" + KeyMaterial.refreshSecretEntry(random));
        return 0;
    }
}
