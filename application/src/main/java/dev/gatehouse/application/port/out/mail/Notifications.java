package dev.gatehouse.application.port.out.mail;

/**
 * Delivers {@link Notification}s to account owners (by e-mail). Delivery happens off the caller's
 * thread: {@link #send} only hands the message over and returns at once, and a mail server that is down
 * or slow never fails or delays the caller (the adapter retries, counts and logs failures).
 */
public interface Notifications {

    void send(Notification notification);
}
