package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * The network address a request comes from, for throttling. {@code X-Forwarded-For} is believed only
 * when the connection comes from a proxy listed in {@code gatehouse.trusted-proxies}; then the
 * right-most address that is not itself a trusted proxy is the client.
 */
@Singleton
public final class ClientAddresses {

    private final Set<String> trustedProxies;

    ClientAddresses(@Value("${gatehouse.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The address {@code request} comes from, as described above. */
    public String of(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(header -> List.of(header.split(",")).stream())
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i).length() > 64 ? peer : forwarded.get(i);
            }
        }
        return peer;
    }
}
