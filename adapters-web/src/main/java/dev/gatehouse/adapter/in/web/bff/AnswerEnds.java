package dev.gatehouse.adapter.in.web.bff;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Follows the answers read on one upstream connection, as the HTTP codec passes them: which last content ends the
 * final answer of the exchange in flight, and which one only ends an interim {@code 100 Continue} (RFC 9110
 * §15.2), after which the final answer is still to come.
 */
final class AnswerEnds {

    private boolean interim;
    private boolean answering;

    /** Whether {@code message}, read next, ends the final answer. */
    boolean endsAnswer(Object message) {
        if (message instanceof HttpResponse response) {
            interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            answering = !interim;
        }
        if (message instanceof LastHttpContent) {
            boolean ends = !interim;
            interim = false;
            answering = answering && !ends;
            return ends;
        }
        return false;
    }

    /** Whether the final answer's head has been read and its last content not yet. */
    boolean answering() {
        return answering;
    }
}
