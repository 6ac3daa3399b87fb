package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingSecurityEvents implements SecurityEvents {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(SecurityEvent event) {
        events.add(event);
    }

    @Override
    public synchronized int forgetBefore(Instant before, int limit) {
        var old = events.stream().filter(event -> event.at().isBefore(before)).limit(limit).toList();
        events.removeAll(old);
        return old.size();
    }

    @Override
    public synchronized void forgetOriginsOf(UserId user, EmailPseudonym email) {
        events.replaceAll(event -> user.equals(event.user()) || email.equals(event.attemptedEmail())
                ? new SecurityEvent(event.type(), event.at(), event.user(), event.session(), event.client(), event.detail())
                : event);
    }

    public List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    public List<SecurityEvent> ofType(SecurityEventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }

    public int size() {
        return events.size();
    }
}
