package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 *
 * <p>The trusted proxies are exact addresses, as the peer address of a connection is printed ({@code 10.0.0.5},
 * {@code 0:0:0:0:0:0:0:1}): anything else (a range, a host name, another spelling of an IPv6 address) could never
 * match a connection, so that every client would seem to be the proxy and share its limits; it stops the start (a
 * {@code @Context} bean: read at start, not by the first request that needs it).
 */
@Context
public final class ClientAddresses {

    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");

    private final Set<String> trustedProxies;

    private static final String KEY = "gatehouse.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    ClientAddresses(@Value("${gatehouse.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(ClientAddresses::asPrinted).toList());
    }

    /** {@code entry} if it is an IP address written as the peer address of a connection is printed; else the start stops. */
    private static String asPrinted(String entry) {
        if (!IPV4.matcher(entry).matches() && !IPV6.matcher(entry).matches()) {
            throw new ConfigurationException(KEY + " lists exact proxy addresses such as 10.0.0.5, not '" + entry + "'"
                    + (entry.contains("/") ? " (ranges are not supported: list each address)" : ""));
        }
        String printed;
        try {
            printed = InetAddress.getByName(entry).getHostAddress(); // a literal: no name is looked up
        } catch (UnknownHostException notAnAddress) {
            throw new ConfigurationException(KEY + " lists exact proxy addresses such as 10.0.0.5, not '" + entry + "'");
        }
        if (!printed.equals(entry)) {
            throw new ConfigurationException(KEY + ": write '" + entry + "' as " + printed
                    + ", the way the address of a connection from it is printed");
        }
        return entry;
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
