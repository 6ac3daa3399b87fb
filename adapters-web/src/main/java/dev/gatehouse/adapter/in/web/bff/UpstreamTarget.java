package dev.gatehouse.adapter.in.web.bff;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a proxied request goes: {@code <upstream-url>/<path>?<query>}, the path appended literally
 * (never resolved as a URL). Paths that could leave the upstream or confuse it are refused: dot
 * segments, empty segments ({@code //}), backslashes, encoded slashes, backslashes or dots, control
 * characters, and anything that does not parse back to the upstream's own scheme, host and port.
 */
final class UpstreamTarget {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*");
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");

    private UpstreamTarget() {
    }

    /**
     * @param upstream the configured base, e.g. {@code http://127.0.0.1:9000/api}
     * @param rawPath  the part after {@code /bff/api/}, still percent-encoded
     * @param rawQuery the query string without {@code ?}, or null
     */
    static Optional<URI> resolve(URI upstream, String rawPath, String rawQuery) {
        if (rawPath == null || !SAFE_PATH.matcher(rawPath).matches() || (rawQuery != null && !SAFE_QUERY.matcher(rawQuery).matches())) {
            return Optional.empty();
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/") || lower.contains("//") || lower.contains("%2f") || lower.contains("%5c")
                || lower.contains("%2e") || lower.contains("%00") || hasDotSegment(rawPath)) {
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

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
