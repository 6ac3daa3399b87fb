package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * Why an upstream answer whose head has arrived fails, raised into the client's body of it. The server sends an
 * answer's head with its first body bytes, so until then a body failure still decides the browser's answer:
 * Micronaut answers it with the status and body of an {@link HttpStatusException} and, for anything else, with
 * a 500 and an ERROR in the log (a silent or closed upstream was a 500; a browser that left logged 32 lines).
 * Past the first bytes the browser's connection is cut, as for any answer cut short. Also raised before the head
 * when the browser left, so that the proxy tells that from an upstream failure (it logs and counts neither).
 */
final class AnswerFailed extends HttpStatusException {

    private final boolean browserLeft;

    private AnswerFailed(ProblemType type, String detail, boolean browserLeft) {
        super(type.status(), Problem.of(type, detail));
        this.browserLeft = browserLeft;
    }

    /** The upstream closed the connection before the answer's end. */
    static AnswerFailed closed() {
        return new AnswerFailed(ProblemType.BAD_GATEWAY, "The upstream API closed the connection before the end of its answer.", false);
    }

    /** The upstream sent nothing for the read timeout. */
    static AnswerFailed timedOut() {
        return new AnswerFailed(ProblemType.UPSTREAM_TIMEOUT, "The upstream API did not answer in time.", false);
    }

    /** The browser left; nobody reads this answer. */
    static AnswerFailed browserLeft() {
        return new AnswerFailed(ProblemType.BAD_GATEWAY, "The browser left.", true);
    }

    /** Whether {@code failure}, or a cause of it, is the browser's leaving. */
    static boolean browserLeft(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AnswerFailed answerFailed) {
                return answerFailed.browserLeft;
            }
        }
        return false;
    }

    /** Raised on the event loop of a connection, often: no stack to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
