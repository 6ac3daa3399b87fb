package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The network address a request comes from, for throttling. {@code X-Forwarded-For} is believed only
 * when the connection comes from a proxy listed in {@code gatehouse.trusted-proxies}; then the
 * right-most address that is not itself a trusted proxy is the client. A port that a proxy writes after
 * the address ({@code 192.0.2.1:50001}, {@code [2001:db8::1]:50001}, as Azure Application Gateway does) is
 * dropped, and so are the brackets of an IPv6 address (RFC 3986 §3.2.2), so that every connection of one
 * client counts as that client.
 */
@Singleton
public final class ClientAddresses {

    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");

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
                .map(ClientAddresses::withoutPort)
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i).length() > 64 ? peer : forwarded.get(i);
            }
        }
        return peer;
    }

    private static String withoutPort(String hop) {
        var ipv4 = IPV4_WITH_PORT.matcher(hop);
        if (ipv4.matches()) {
            return ipv4.group(1);
        }
        var ipv6 = BRACKETED_IPV6.matcher(hop);
        return ipv6.matches() ? ipv6.group(1) : hop;
    }
}
