package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.body.MalformedBodyException;
import dev.gatehouse.adapter.in.web.body.Utf8;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a proxied request goes: {@code <upstream-url>/<path>?<query>}, the path appended literally (never
 * resolved as a URL). A path is refused when the upstream, or anything in front of it, could read it as
 * leaving the base path: a segment that is — as sent, decoded once or decoded twice, and ignoring
 * {@code ;} parameters as servlet containers and Spring do — {@code .} or {@code ..} ({@code ..;},
 * {@code .;jsessionid=x}, {@code %2e%2e}, {@code %252e%252e}); a segment that decodes to {@code /},
 * {@code \} or a control character ({@code %2f}, {@code %5c}, {@code %252f}, {@code %00}); empty segments
 * ({@code //host}); malformed percent-encoding, or escapes that are no UTF-8 (RFC 3629: {@code %c0%ae}, an
 * overlong {@code .} that lenient decoders read as one); and anything that does not parse back to the
 * upstream's own scheme, host and port.
 */
final class UpstreamTarget {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*");
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private UpstreamTarget() {
    }

    /**
     * @param upstream the configured base, e.g. {@code http://127.0.0.1:9000/api}
     * @param rawPath  the part after {@code /bff/api/}, still percent-encoded
     * @param rawQuery the query string without {@code ?}, or null
     */
    static Optional<URI> resolve(URI upstream, String rawPath, String rawQuery) {
        if (rawPath == null || !SAFE_PATH.matcher(rawPath).matches() || (rawQuery != null && !SAFE_QUERY.matcher(rawQuery).matches())
                || rawPath.startsWith("/") || rawPath.contains("//") || !Stream.of(rawPath.split("/", -1)).allMatch(UpstreamTarget::harmless)) {
            return Optional.empty();
        }
        String base = upstream.toString().endsWith("/") ? upstream.toString() : upstream + "/";
        try {
            URI target = new URI(base + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
            boolean sameOrigin = upstream.getScheme().equals(target.getScheme()) && upstream.getHost().equals(target.getHost())
                    && upstream.getPort() == target.getPort() && target.getRawUserInfo() == null;
            return sameOrigin ? Optional.of(target) : Optional.empty();
        } catch (URISyntaxException unparsable) {
            return Optional.empty();
        }
    }

    /** A raw segment is harmless when it is well-formed and none of its three readings is dangerous. */
    private static boolean harmless(String raw) {
        if (PERCENT_ESCAPE.matcher(raw).replaceAll("").contains("%")) {
            return false;
        }
        try {
            String once = decode(raw);
            return Stream.of(raw, once, decode(once)).noneMatch(UpstreamTarget::dangerous);
        } catch (MalformedBodyException notUtf8) {
            return false;
        }
    }

    private static boolean dangerous(String segment) {
        int parameters = segment.indexOf(';');
        String name = parameters < 0 ? segment : segment.substring(0, parameters);
        return name.equals(".") || name.equals("..") || (name.isEmpty() && parameters >= 0)
                || segment.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    }

    /**
     * Percent-decodes as UTF-8 (RFC 3986 §2.1); a {@code %} that starts no escape stays as it is.
     *
     * @throws MalformedBodyException when the escapes are no well-formed UTF-8
     */
    private static String decode(String segment) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && PERCENT_ESCAPE.matcher(segment.substring(i, i + 3)).matches()) {
                bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return Utf8.decode(bytes.toByteArray());
    }
}
