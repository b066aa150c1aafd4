package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Html;
import org.chorus.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cases of issue 11, hole 7, each answered as the person's mistake in their language, over real HTTP (Tomcat reads
 * parameters and enforces sizes only there). BadInputTest sends the same to every parameter of every endpoint.
 */
@ChorusWebTest
class UnreadableInputTest {

    @LocalServerPort
    int port;

    @Test
    void a_nul_byte_in_a_search_is_a_400_that_says_why_in_the_readers_language() {
        var response = RawHttp.exchange(port, "GET", "/search?q=%00", Map.of("Accept-Language", "es"), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(Html.parse(response.text()).select("main, body").text()).contains("carácter de control");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void malformed_utf8_in_a_form_is_a_400() {
        var response = RawHttp.exchange(
                port,
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "email=a%C3%28b&password=x".getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(400);
        assertThat(Html.parse(response.text()).text()).contains("not UTF-8");
    }

    @Test
    void a_form_over_2_mb_to_the_sign_in_is_a_413_in_french() {
        var body = "email=a%40example.org&password=" + "x".repeat(3 << 20);
        var response = RawHttp.exchange(
                port,
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "fr"),
                body.getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(413);
        assertThat(Html.parse(response.text()).text()).contains("au plus 2 Mo");
    }

    @Test
    void an_import_of_55_mb_is_a_413_that_names_the_upload_limit() {
        var boundary = "----fifty-five";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.xml\""
                        + "\r\nContent-Type: text/xml\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[55 << 20]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var response = RawHttp.exchange(
                port,
                "POST",
                "/o/anyone/import",
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary),
                body.toByteArray());
        assertThat(response.status()).isEqualTo(413);
        assertThat(Html.parse(response.text()).text()).contains("at most 51 MB");
    }

    @Test
    void the_api_answers_bad_input_with_problem_details() {
        var response = RawHttp.exchange(port, "GET", "/api/v1/statements?topic=a%00b", Map.of(), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text()).contains("control character");
    }
}
