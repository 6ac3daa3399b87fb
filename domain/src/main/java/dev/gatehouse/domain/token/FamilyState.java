package dev.gatehouse.domain.token;

import java.time.Instant;
import java.util.Objects;

/** Whether a family may still rotate. Expiry is not a state: it follows from the family's instants. */
public sealed interface FamilyState {

    /** The family rotates and its access tokens are honoured (until it expires). */
    record Active() implements FamilyState {
    }

    /** The family is over for good; nothing is minted for it again. */
    record Revoked(RevocationReason reason, Instant at) implements FamilyState {
        public Revoked {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    FamilyState ACTIVE = new Active();
}
