package dev.gatehouse.adapter.out.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A rendered message as the bytes the outbox seals: a format version, then recipient, subject, text and HTML, each
 * as a length and UTF-8. The kind is stored beside it, in clear, for logs and counters.
 */
final class MailContent {

    private static final byte VERSION = 1;

    private MailContent() {
    }

    static byte[] write(MailMessage message) {
        var bytes = new ByteArrayOutputStream(256 + 2 * message.text().length() + 2 * message.html().length());
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            for (String part : new String[] {message.to(), message.subject(), message.text(), message.html()}) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for bytes that {@link #write} did not write */
    static MailMessage read(String kind, byte[] content) {
        try (var in = new DataInputStream(new ByteArrayInputStream(content))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown mail content version");
            }
            return new MailMessage(kind, part(in), part(in), part(in), part(in));
        } catch (IOException truncated) {
            throw new IllegalArgumentException("truncated mail content", truncated);
        }
    }

    private static String part(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a part longer than the content");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
