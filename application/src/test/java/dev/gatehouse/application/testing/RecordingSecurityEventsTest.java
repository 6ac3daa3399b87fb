package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.SecurityEvents;

class RecordingSecurityEventsTest extends SecurityEventsContract {

    @Override
    protected SecurityEvents events() {
        return new RecordingSecurityEvents();
    }
}
