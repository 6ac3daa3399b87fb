package dev.gatehouse.adapter.in.web.bff;

import io.micronaut.http.MutableHttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Hop-by-hop headers (RFC 9110 §7.6.1) are for one connection only: a proxy drops them, and those named in {@code Connection}. */
final class HopByHop {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHop() {
    }

    static void strip(MutableHttpHeaders headers) {
        List<String> named = new ArrayList<>();
        headers.getAll("Connection").forEach(value -> {
            for (String name : value.split(",")) {
                named.add(name.strip());
            }
        });
        List<String> present = new ArrayList<>(headers.names());
        for (String name : present) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(lower) || named.stream().anyMatch(lower::equalsIgnoreCase)) {
                headers.remove(name);
            }
        }
    }
}
