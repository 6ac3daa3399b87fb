package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingSecurityEvents implements SecurityEvents {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(SecurityEvent event) {
        events.add(event);
    }

    public List<SecurityEvent> ofType(SecurityEventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }
}
