package dev.gatehouse.application.port.out.mail;

/**
 * Encrypts what the outbox stores, so that reading the database yields no usable link: authenticated encryption
 * under a server-side key that the store does not hold, named in the {@link SealedContent} so that a content sealed
 * before a key rotation still opens while its key is configured.
 */
public interface MailSealer {

    /** Seals {@code content} under the current key. */
    SealedContent seal(byte[] content);

    /** The content, or why it cannot be read: its key is not configured here, or it was altered. */
    Unsealed open(SealedContent sealed);

    /** What {@link #open} found. */
    sealed interface Unsealed {

        /** The content as it was sealed. */
        record Opened(byte[] content) implements Unsealed {
        }

        /**
         * Sealed under a key this instance does not have. Another instance of the fleet may have it (its refresh
         * secrets differ during a rotation), or none has it any more (the secret was removed): it cannot tell.
         */
        record KeyUnknown(String keyId) implements Unsealed {
        }

        /** Not readable by anyone: altered, or not in a known format; {@code reason} is fit for a log line. */
        record Unreadable(String reason) implements Unsealed {
        }
    }
}
