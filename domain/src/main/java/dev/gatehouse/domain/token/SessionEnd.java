package dev.gatehouse.domain.token;

import java.time.Instant;
import java.util.Objects;

/** When and why a session ended: revoked (the first reason), or expired (idle or absolute), whichever came first. */
public record SessionEnd(RevocationReason reason, Instant at) {

    public SessionEnd {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
