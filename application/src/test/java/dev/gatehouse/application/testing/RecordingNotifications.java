package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have been mailed. */
public final class RecordingNotifications implements Notifications {

    private final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Notification notification) {
        sent.add(notification);
    }

    /** The notifications of one kind, oldest first. */
    public <T extends Notification> List<T> of(Class<T> kind) {
        return sent.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The newest notification of one kind. */
    public <T extends Notification> T last(Class<T> kind) {
        List<T> all = of(kind);
        if (all.isEmpty()) {
            throw new AssertionError("no " + kind.getSimpleName() + " was sent");
        }
        return all.get(all.size() - 1);
    }

    public List<Notification> all() {
        return List.copyOf(sent);
    }
}
