package dev.gatehouse.acceptance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the test classes that talk to the suite's shared jar ({@link SharedGatehouse}). */
@ExtendWith(SharedGatehouse.class)
abstract class AgainstTheSharedJar {

    final Gatehouse gatehouse;
    final Http http;

    AgainstTheSharedJar(Gatehouse gatehouse) {
        this.gatehouse = gatehouse;
        this.http = gatehouse.http();
    }
}
