package dev.gatehouse.application.port.out;

import java.util.UUID;

/** Unpredictable identifiers (random UUIDs from a cryptographically strong source). */
public interface IdGenerator {

    UUID next();
}
