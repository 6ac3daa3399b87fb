package dev.gatehouse.domain.archfixture;

import io.micronaut.http.HttpStatus;
import java.time.Instant;

/** Breaks the domain rules on purpose (a framework type, the wall clock); only for ArchitectureRulesCanFailTest. */
public class DomainReadingTheClock {

    public Instant now() {
        return Instant.now();
    }

    public HttpStatus status() {
        return HttpStatus.OK;
    }
}
