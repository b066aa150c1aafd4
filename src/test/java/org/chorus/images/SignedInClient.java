package org.chorus.images;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;

/** A person signed in over real HTTP (cookies kept), for what MockMvc skips: Tomcat's and Spring's upload limits. */
final class SignedInClient implements AutoCloseable {

    private final HttpClient http;
    private final String base;

    SignedInClient(int port, String email) throws Exception {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var token = csrf("/login");
        var form = "email=" + encode(email) + "&password=" + encode(Fixtures.PASSWORD) + "&_csrf=" + encode(token);
        var signIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (signIn.statusCode() != 302
                || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + signIn.statusCode() + " " + signIn.headers());
        }
    }

    /** The CSRF token of the form on a page. */
    String csrf(String path) throws Exception {
        var page = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        return Html.first(page.body(), "input[name=_csrf]").attr("value");
    }

    /**
     * Posts a multipart form with a file of {@code size} bytes (a PNG header, then zeros) as "file", asking for the
     * page in {@code language} (a signed-in person's language is their profile's, not their browser's).
     */
    HttpResponse<String> upload(String path, String csrf, int size, String language) throws Exception {
        var boundary = "----chorus-test-boundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        var file = new byte[size];
        var png = TestImages.png(2, 2);
        System.arraycopy(png, 0, file, 0, png.length);
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path + "?lang=" + language))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a body as it is, with the given content type. */
    HttpResponse<String> send(String path, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
