package dev.gatehouse.domain.throttle;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a per-address limit counts as one client: an IPv4 address as it is; an IPv6 address by its /64
 * network, because a /64 is the smallest subnet a site is given (RFC 6177, RFC 7421) and every host in
 * it can pick any of its 2<sup>64</sup> addresses at will (RFC 8981 temporary addresses); an IPv4-mapped
 * IPv6 address ({@code ::ffff:192.0.2.1}, RFC 4291 §2.5.5.2) as the IPv4 address it maps. Anything that
 * is no IP literal (an RFC 7239 obfuscated identifier, say) is counted as given, cut to its first
 * {@value #MAX_LENGTH} characters.
 *
 * <p>Only literals are parsed, never resolved: a text that could be a host name is not handed to the
 * resolver, so counting never performs a DNS lookup.
 *
 * @param value the canonical key: {@code 192.0.2.1} or {@code 2001:db8:1:2:0:0:0:0/64}
 */
public record ClientNetwork(String value) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int IPV6_PREFIX_BYTES = 8;
    /** The longest key: a store may rely on it. */
    public static final int MAX_LENGTH = 64;

    public ClientNetwork {
        Objects.requireNonNull(value, "value");
    }

    /** The network {@code address} (an IP literal as a socket or {@code X-Forwarded-For} gives it) belongs to. */
    public static ClientNetwork of(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.contains(":") && !IPV4.matcher(literal).matches()) {
            return asGiven(address);
        }
        try {
            // a text with ':' or of four dotted decimals is parsed as a literal; the resolver is never asked
            return of(InetAddress.getByName(literal));
        } catch (UnknownHostException notALiteral) {
            return asGiven(address);
        }
    }

    private static ClientNetwork asGiven(String address) {
        return new ClientNetwork(address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address);
    }

    private static ClientNetwork of(InetAddress parsed) throws UnknownHostException {
        if (parsed instanceof Inet4Address) {
            return new ClientNetwork(parsed.getHostAddress());
        }
        byte[] bytes = Arrays.copyOf(parsed.getAddress(), 16);
        Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
        return new ClientNetwork(InetAddress.getByAddress(bytes).getHostAddress() + "/64");
    }
}
