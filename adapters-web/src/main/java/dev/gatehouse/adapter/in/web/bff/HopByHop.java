package dev.gatehouse.adapter.in.web.bff;

import io.micronaut.http.MutableHttpHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) are for one connection only: a proxy drops them in both directions —
 * {@code Connection}, {@code Keep-Alive}, every {@code Proxy-*}, {@code TE}, {@code Trailer},
 * {@code Transfer-Encoding}, {@code Upgrade} — and every header that {@code Connection} names.
 */
final class HopByHop {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHop() {
    }

    static void strip(MutableHttpHeaders headers) {
        Set<String> named = new HashSet<>();
        headers.getAll("Connection").forEach(value -> {
            for (String name : value.split(",")) {
                named.add(name.strip().toLowerCase(Locale.ROOT));
            }
        });
        List<String> present = new ArrayList<>(headers.names());
        for (String name : present) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(lower) || lower.startsWith("proxy-") || named.contains(lower)) {
                headers.remove(name);
            }
        }
    }
}
