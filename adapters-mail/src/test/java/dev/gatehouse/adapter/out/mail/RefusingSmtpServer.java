package dev.gatehouse.adapter.out.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server (RFC 5321) in this JVM that accepts every command but one: the command starting with
 * {@code refused} (e.g. {@code AUTH}, {@code RCPT TO}, {@code MAIL FROM}, or {@code .} for the end of the
 * data) gets {@code reply}; with {@value #GREETING} the greeting is {@code reply} and the connection ends.
 * It offers {@code AUTH PLAIN LOGIN} (RFC 4954). Counts the connections, one per delivery attempt.
 */
final class RefusingSmtpServer implements AutoCloseable {

    static final String GREETING = "greeting";

    private final ServerSocket socket;
    private final String refused;
    private final String reply;
    private final AtomicInteger connections = new AtomicInteger();

    RefusingSmtpServer(String refused, String reply) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.refused = refused;
        this.reply = reply;
        Thread acceptor = new Thread(this::serve, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                converse(new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)),
                        new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                // the next connection, or the end
            }
        }
    }

    private void converse(BufferedReader in, Writer out) throws IOException {
        if (refused.equals(GREETING)) {
            answer(out, reply);
            return;
        }
        answer(out, "220 refusing.example ESMTP");
        boolean inData = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = inData ? line : line.toUpperCase();
            if (inData && !line.equals(".")) {
                continue;
            }
            inData = false;
            if (command.startsWith(refused)) {
                answer(out, reply);
            } else if (command.startsWith("EHLO")) {
                answer(out, "250-refusing.example\r\n250 AUTH PLAIN LOGIN");
            } else if (command.startsWith("AUTH")) {
                answer(out, "235 2.7.0 authenticated");
            } else if (command.startsWith("DATA")) {
                inData = true;
                answer(out, "354 go ahead");
            } else if (command.startsWith("QUIT")) {
                answer(out, "221 bye");
                return;
            } else {
                answer(out, "250 ok");
            }
        }
    }

    private static void answer(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
