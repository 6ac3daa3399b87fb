package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.application.port.in.IssuedTokens;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/** Whether a {@code /bff/api} request may be forwarded, where to and with which access token. */
sealed interface Admission {

    /** @param renewed the session's new tokens when it had to be refreshed first, else null */
    record Admitted(URI target, String accessToken, IssuedTokens renewed) implements Admission {
        @Override
        public String toString() {
            return "Admitted[" + target + ", tokens redacted]";
        }
    }

    /** The answer instead: nothing reaches the upstream. */
    record Refused(MutableHttpResponse<?> response) implements Admission {
    }
}
