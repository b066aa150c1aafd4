package org.chorus.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for what {@code java.net.http.HttpClient} will not send
 * or not wait for: a raw request target ({@code /%00}, {@code /s/..%2f..}), any {@code Host} header, oversized headers,
 * and a body the server answers before reading it all (the body is written on its own thread, so the answer is read
 * even when the server closes the connection early).
 */
public final class RawHttp {

    private RawHttp() {}

    /** What came back: the status, the headers by lower-case name, and the body (chunked encoding undone). */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code method target HTTP/1.1} with the headers given ({@code Host} is 127.0.0.1 unless given), a body if
     * not null, and {@code Connection: close}; reads the whole answer.
     */
    public static Response exchange(int port, String method, String target, Map<String, String> headers, byte[] body) {
        var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        var all = new LinkedHashMap<String, String>();
        all.put("Host", "127.0.0.1:" + port);
        all.putAll(headers);
        all.put("Connection", "close");
        if (body != null) {
            all.put("Content-Length", String.valueOf(body.length));
        }
        all.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            // written on its own thread: the server may answer (and close) before it has read the request
            var writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before reading everything: the answer is what counts
                }
            });
            var response = read(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
            writer.join(60_000);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviated(target), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String target) {
        return target.length() > 200 ? target.substring(0, 200) + "…" : target;
    }

    private static Response read(InputStream in) throws IOException {
        var statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without answering");
        }
        var status = Integer.parseInt(statusLine.split(" ")[1]);
        var headers = new LinkedHashMap<String, List<String>>();
        for (var line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            var colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        var body = new ByteArrayOutputStream();
        var chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        var length = headers.get("content-length");
        if (chunked) {
            for (var size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.getFirst())));
        } else {
            try {
                in.transferTo(body);
            } catch (java.net.SocketException reset) {
                // a connection closed with a reset after the answer: what was read is the answer
            }
        }
        return new Response(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
