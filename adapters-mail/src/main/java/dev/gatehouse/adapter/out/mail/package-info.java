/**
 * The {@link dev.gatehouse.application.port.out.mail.Notifications} out-adapter: messages rendered as
 * text and HTML, sealed and stored in the durable outbox that the fleet shares ({@link
 * dev.gatehouse.application.port.out.mail.OutgoingMails}), and delivered off the request thread over SMTP (Jakarta
 * Mail), with bounded retries; or, in development mode without SMTP settings, written to the log.
 */
package dev.gatehouse.adapter.out.mail;
