package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * Why an upstream exchange failed once its request was on the wire, raised into the client's pipeline: the upstream
 * closed the connection or went silent after its answer's head, or the browser left. Before the answer's first body
 * bytes (the {@link UpstreamExchanges.Binder} holds the head back until then) it fails the client's request, and the
 * proxy answers with {@link #type()}; past them the server cuts the browser's connection, as for any answer cut
 * short, quietly because this is an {@link HttpStatusException}. A browser that left is told from an upstream failure:
 * the proxy neither logs nor counts it as one.
 */
final class AnswerFailed extends HttpStatusException {

    private final ProblemType type;
    private final String detail;
    private final boolean browserLeft;

    private AnswerFailed(ProblemType type, String detail, boolean browserLeft) {
        super(type.status(), Problem.of(type, detail));
        this.type = type;
        this.detail = detail;
        this.browserLeft = browserLeft;
    }

    /** The upstream closed the connection before the answer's end. */
    static AnswerFailed closed() {
        return new AnswerFailed(ProblemType.BAD_GATEWAY, "The upstream API closed the connection before the end of its answer.", false);
    }

    /** The upstream sent nothing for the read timeout: before its answer's head (the client's timeout) or after it. */
    static AnswerFailed timedOut() {
        return new AnswerFailed(ProblemType.UPSTREAM_TIMEOUT, "The upstream API did not answer in time.", false);
    }

    /** The browser left; nobody reads this answer. */
    static AnswerFailed browserLeft() {
        return new AnswerFailed(ProblemType.BAD_GATEWAY, "The browser left.", true);
    }

    /** The {@code AnswerFailed} that {@code failure} is, or is caused by; {@code null} for any other failure. */
    static AnswerFailed in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AnswerFailed answerFailed) {
                return answerFailed;
            }
        }
        return null;
    }

    /** Whether {@code failure}, or a cause of it, is the browser's leaving. */
    static boolean browserLeft(Throwable failure) {
        AnswerFailed answerFailed = in(failure);
        return answerFailed != null && answerFailed.browserLeft;
    }

    /** The proxy's answer to the browser when this failed the request before any of the upstream's answer went on. */
    ProblemType type() {
        return type;
    }

    String detail() {
        return detail;
    }

    /** Raised on the event loop of a connection, often: no stack to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
