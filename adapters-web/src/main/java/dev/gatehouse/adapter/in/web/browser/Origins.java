package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins as browsers serialize them in {@code Origin} (RFC 6454 §6.2): {@code scheme://host[:port]},
 * scheme and host in lower case, no default port, nothing after the authority. Allowed origins are
 * configured in exactly this form, so that the comparison with a request's {@code Origin} is plain equality.
 */
final class Origins {

    private Origins() {
    }

    /** The origin of an absolute http(s) URL (e.g. a {@code Referer}), if it has one. */
    static Optional<String> of(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : 0;
            if (defaultPort == 0 || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() == defaultPort ? -1 : uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port));
        } catch (URISyntaxException unparsable) {
            return Optional.empty();
        }
    }

    /** {@code value} if it is an origin in the serialized form; else the start fails, naming {@code key}. */
    static String require(String key, String value) {
        if (value != null && of(value).filter(value::equals).isPresent()) {
            return value;
        }
        throw new ConfigurationException(key + ": \"" + value + "\" is not an origin. Write scheme://host[:port] as a browser "
                + "sends it in Origin: http or https, lower case, no default port, no path, no trailing slash "
                + "(e.g. https://app.example.com or http://localhost:5173).");
    }
}
