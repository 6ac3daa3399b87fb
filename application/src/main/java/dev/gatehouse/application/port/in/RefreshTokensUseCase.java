package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;

/** Exchanges a refresh token for new tokens, rotating it (RFC 6749 §6, RFC 9700 §4.14.2). */
public interface RefreshTokensUseCase {

    RefreshResult refresh(RefreshCommand command);

    /** @param clientAddress the network address the request came from, for the security events; null where none is known */
    record RefreshCommand(String refreshToken, ClientId client, String clientAddress) {
        @Override
        public String toString() {
            return "RefreshCommand[client=" + client + ", token redacted]";
        }
    }

    sealed interface RefreshResult {
        /**
         * @param graceReplay whether the token was the current one's immediate predecessor, replayed within
         *                    the reuse grace (the caller gets the first rotation's successor again)
         */
        record Refreshed(IssuedTokens tokens, boolean graceReplay) implements RefreshResult {
        }

        /** One answer for every unusable token; {@code reason} is for the log, never for the caller. */
        record InvalidGrant(Reason reason) implements RefreshResult {
        }
    }

    enum Reason { NOT_AUTHENTIC, UNKNOWN_SESSION, EXPIRED, REVOKED, REUSED, OTHER_CLIENT }
}
