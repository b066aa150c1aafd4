package org.chorus.email;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The benchmark's SMTP sink on loopback: it speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT),
 * stores nothing, and counts each message it accepted by Message-ID. Like a real server it accepts a message only at
 * the final dot, so a sender killed in the middle of DATA leaves nothing. GreenMail, used by the tests, keeps a
 * mailbox per recipient and became the bottleneck past ~20,000 recipients (it used a whole core while Chorus idled).
 */
public final class SmtpSink implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket server;
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();

    public SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("sink-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public long total() {
        return total.get();
    }

    public long lastAt() {
        return lastAt.get();
    }

    public Map<String, Integer> byMessageId() {
        return Map.copyOf(received);
    }

    public void reset() {
        received.clear();
        total.set(0);
        lastAt.set(0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var socket = server.accept();
                Thread.ofPlatform().daemon().name("sink-connection").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                var in = new BufferedInputStream(socket.getInputStream(), 65536);
                var out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        var message = readData(in);
                        if (message == null) {
                            return; // the connection ended before the final dot: nothing was accepted
                        }
                        var id = MESSAGE_ID.matcher(message);
                        received.merge(id.find() ? id.group(1) : "(none)", 1, Integer::sum);
                        total.incrementAndGet();
                        lastAt.set(System.currentTimeMillis());
                        reply(out, "250 accepted");
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the sender went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(BufferedInputStream in) throws IOException {
        var line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                var bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    /** The message up to the line with a single dot, or null when the connection ended first. */
    private static String readData(BufferedInputStream in) throws IOException {
        var message = new StringBuilder(8192);
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return message.toString();
            }
            message.append(line).append('\n');
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
