package org.chorus.support.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, sending the path exactly as written (as {@code curl --path-as-is} does): the JDK's
 * client and MockMvc both tidy a path before sending it, and the point of some tests is the untidy one.
 */
public final class RawHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An answer: its status, headers as {@code name: value} lines, and body. */
    public record Answer(int status, List<String> headers, String body) {

        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip())
                    .findFirst();
        }

        /** The value of a cookie this answer sets, if it sets it. */
        public Optional<String> cookie(String name) {
            return headers.stream()
                    .filter(h -> h.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                    .map(h -> h.substring(11).strip())
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst();
        }

        /** The CSRF token of the first form on the page. */
        public String csrf() {
            var matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF token on the page (status " + status + ")");
            }
            return matcher.group(1);
        }
    }

    /**
     * Sends one request; {@code headers} as {@code name: value} lines, {@code form} a urlencoded body or null for
     * none.
     */
    public Answer send(String method, String path, String form, String... headers) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: localhost:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            for (var header : headers) {
                head.append(header).append("\r\n");
            }
            if (form != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            var received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String raw) {
        var end = raw.indexOf("\r\n\r\n");
        var head = (end < 0 ? raw : raw.substring(0, end)).split("\r\n");
        var status = Integer.parseInt(head[0].split(" ")[1]);
        var headers = new ArrayList<String>(List.of(head).subList(1, head.length));
        var body = end < 0 ? "" : raw.substring(end + 4);
        var chunked = headers.stream()
                .anyMatch(h ->
                        h.toLowerCase(java.util.Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked"));
        return new Answer(status, headers, chunked ? dechunk(body) : body);
    }

    /** Chunk sizes count bytes; the pages read here are ASCII where it matters (forms, tokens). */
    private static String dechunk(String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = at;
            while (lineEnd + 1 < bytes.length && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            var sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
