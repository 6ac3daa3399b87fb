package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailPseudonym;

/** Stable, and visibly not the e-mail: {@code p-} and the address's hash code in hex. */
public final class FakeEmailPseudonyms implements EmailPseudonyms {

    @Override
    public EmailPseudonym of(EmailAddress email) {
        return new EmailPseudonym("p-" + Integer.toHexString(email.value().hashCode()));
    }
}
