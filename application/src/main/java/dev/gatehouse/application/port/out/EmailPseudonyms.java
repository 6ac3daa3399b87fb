package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailPseudonym;

/** Turns e-mail addresses into {@link EmailPseudonym}s under a server-side key: the same address, the same pseudonym. */
public interface EmailPseudonyms {

    EmailPseudonym of(EmailAddress email);
}
