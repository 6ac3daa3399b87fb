package dev.gatehouse.adapter.in.web.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An item of {@code GET /auth/sessions} as the OpenAPI document describes it, one schema for both lists: the server lists
 * {@link SessionView}s, or with {@code state=ended} {@link SessionsController.EndedSessionView}s, but no member tells
 * them apart, and a client generated from a {@code oneOf} of the two refuses every item, which fits both. So the members
 * of one list only are optional, each described with its list; every item of that list carries them.
 */
@Schema(name = "ListedSession", description = "A session as listed: the live ones (`state=live`, the default) with `lastUsedAt`, "
        + "`expiresAt`, `userAgent` and `current`; the ended ones (`state=ended`) with `endedAt` and `endReason`")
record ListedSession(
        String id,
        String clientId,
        Instant createdAt,
        @Schema(description = "Live sessions: the last sign-in or refresh") Instant lastUsedAt,
        @Schema(description = "Live sessions: when the session expires unless refreshed") Instant expiresAt,
        @Schema(description = "Live sessions: the `User-Agent` of the sign-in, `\"\"` when it sent none") String userAgent,
        @Schema(description = "Live sessions: whether it is the caller's own") Boolean current,
        @Schema(description = "Ended sessions: when it ended (every ended session has it)") Instant endedAt,
        @Schema(description = "Ended sessions: why it ended (every ended session has it)", allowableValues = {"signed_out", "revoked",
            "signed_out_everywhere", "reuse_detected", "expired_idle", "expired_absolute", "password_changed", "password_reset",
            "account_disabled", "admin"})
        String endReason) {
}
