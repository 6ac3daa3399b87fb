package dev.gatehouse.adapter.out.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The refresh-token secrets, newest first. The newest proves every token minted from now on (so all
 * instances with the same ring mint the same string for the same token); every secret verifies the
 * tokens that name its id until it is removed; a token naming no id verifies under any secret of the ring.
 *
 * <p>Configuration: {@code gatehouse.keys.refresh-secrets}, a list of {@code <key id>:<secret>} (YAML list,
 * or comma-separated as in {@code GATEHOUSE_KEYS_REFRESH_SECRETS=r2:<secret>,r1:<secret>}); ids are 1 to 16
 * of {@code A-Z a-z 0-9 - _}, secrets canonical base64url of at least 32 bytes. Or the single
 * {@code gatehouse.keys.refresh-secret} (no id; base64 or base64url, as in earlier releases). With both, the
 * single secret comes first (it keeps minting tokens without key id while the ring reaches every instance)
 * and must differ from every secret of the ring. Messages never contain a secret.
 */
final class RefreshSecretRing {

    static final String RING_KEY = "gatehouse.keys.refresh-secrets";
    static final String SINGLE_KEY = "gatehouse.keys.refresh-secret";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final List<RefreshSecret> secrets;
    private final Map<String, RefreshSecret> byId;

    private RefreshSecretRing(List<RefreshSecret> secrets) {
        this.secrets = List.copyOf(secrets);
        Map<String, RefreshSecret> named = new LinkedHashMap<>();
        secrets.forEach(secret -> secret.id().ifPresent(id -> named.put(id, secret)));
        this.byId = Map.copyOf(named);
    }

    /** A ring of the one secret without id (development mode, or {@code refresh-secret} alone). */
    static RefreshSecretRing of(RefreshSecret single) {
        return new RefreshSecretRing(List.of(single));
    }

    /**
     * The configured ring; empty when neither key is set.
     *
     * @throws IllegalArgumentException naming the key, for any value the service cannot use
     */
    static Optional<RefreshSecretRing> fromConfiguration(String single, List<String> entries) {
        List<String> present = entries == null ? List.of() : entries.stream().map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList();
        Optional<RefreshSecret> legacy = single == null || single.isBlank() ? Optional.empty()
                : Optional.of(RefreshSecret.unidentified(decodeSingle(single)));
        if (present.isEmpty()) {
            return legacy.map(RefreshSecretRing::of);
        }
        List<RefreshSecret> ring = parse(present);
        if (legacy.isPresent()) {
            ring.stream().filter(legacy.get()::sameSecretAs).findFirst().ifPresent(same -> {
                throw new IllegalArgumentException(SINGLE_KEY + " has the same secret as key " + same.id().orElseThrow()
                        + " of " + RING_KEY + ": remove " + SINGLE_KEY);
            });
            ring.add(0, legacy.get());
        }
        return Optional.of(new RefreshSecretRing(ring));
    }

    RefreshSecret newest() {
        return secrets.get(0);
    }

    Optional<RefreshSecret> withId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<RefreshSecret> all() {
        return secrets;
    }

    private static List<RefreshSecret> parse(List<String> entries) {
        List<RefreshSecret> parsed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RefreshSecret next = entry(i + 1, entries.get(i));
            for (RefreshSecret earlier : parsed) {
                if (earlier.id().equals(next.id())) {
                    throw new IllegalArgumentException(RING_KEY + ": key id " + next.id().get() + " appears twice");
                }
                if (earlier.sameSecretAs(next)) {
                    throw new IllegalArgumentException(RING_KEY + ": keys " + earlier.id().get() + " and " + next.id().get()
                            + " have the same secret");
                }
            }
            parsed.add(next);
        }
        return parsed;
    }

    private static RefreshSecret entry(int position, String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(RING_KEY + ": entry " + position + " is not <key id>:<base64url secret>");
        }
        String id = entry.substring(0, colon);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(RING_KEY + ": the key id of entry " + position
                    + " must be 1 to 16 characters of A-Z a-z 0-9 - _");
        }
        byte[] secret = CanonicalBase64Url.decode(entry.substring(colon + 1)).orElseThrow(() -> new IllegalArgumentException(
                RING_KEY + ": the secret of key " + id + " is not base64url (A-Z a-z 0-9 - _, no padding)"));
        if (secret.length < RefreshSecret.MIN_BYTES) {
            throw new IllegalArgumentException(RING_KEY + ": the secret of key " + id + " has fewer than "
                    + RefreshSecret.MIN_BYTES + " bytes");
        }
        return RefreshSecret.identified(id, secret);
    }

    /** As earlier releases read it: base64 or base64url, padding optional. */
    private static byte[] decodeSingle(String configured) {
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(configured.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(SINGLE_KEY + " must be base64url");
        }
        if (secret.length < RefreshSecret.MIN_BYTES) {
            throw new IllegalArgumentException(SINGLE_KEY + " must decode to at least " + RefreshSecret.MIN_BYTES + " bytes");
        }
        return secret;
    }
}
