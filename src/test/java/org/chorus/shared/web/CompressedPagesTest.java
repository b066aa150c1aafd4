package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Public pages travel compressed whether the page cache made them now or replays them: its ETags are weak, since a
 * compressed and a plain answer are the same page but not the same bytes (a strong ETag stops the server compressing).
 */
@ChorusWebTest
class CompressedPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    RawHttp.Response get(String target, Map<String, String> headers) {
        return RawHttp.exchange(port, "GET", target, headers, null);
    }

    @Test
    void a_cached_page_is_sent_gzipped_like_a_fresh_one_with_a_weak_etag_that_still_answers_304() throws IOException {
        var gzip = Map.of("Accept-Encoding", "gzip");
        var fresh = get("/campaigns", gzip);
        var replayed = get("/campaigns", gzip);

        for (var response : java.util.List.of(fresh, replayed)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(response.header("ETag")).startsWith("W/\"");
            var html = new String(
                    new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(html).contains("</html>");
        }
        var plain = get("/campaigns", Map.of());
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("ETag")).isEqualTo(replayed.header("ETag"));
        var again = get("/campaigns", Map.of("Accept-Encoding", "gzip", "If-None-Match", replayed.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void a_kept_page_is_gzipped_once_and_its_copy_goes_to_every_reader_who_takes_gzip() throws IOException {
        get("/statements", Map.of());
        var plain = get("/statements", Map.of());
        var gzipped = get("/statements", Map.of("Accept-Encoding", "br, gzip;q=0.8"));

        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        // the kept copy has a length; a page the server compresses as it goes out is sent in chunks
        assertThat(gzipped.header("Content-Length")).isEqualTo(String.valueOf(gzipped.body().length));
        assertThat(gzipped.header("Transfer-Encoding")).isNull();
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        for (var answer : java.util.List.of(plain, gzipped)) {
            assertThat(answer.header("Vary"))
                    .containsIgnoringCase("accept-language")
                    .containsIgnoringCase("cookie")
                    .containsIgnoringCase("accept-encoding");
            assertThat(answer.header("ETag")).isEqualTo(plain.header("ETag"));
        }
        for (var refusing : java.util.List.of("gzip;q=0", "br", "identity", "*;q=0")) {
            var answer = get("/statements", Map.of("Accept-Encoding", refusing));
            assertThat(answer.header("Content-Encoding")).as(refusing).isNull();
            assertThat(answer.body()).as(refusing).isEqualTo(plain.body());
        }
        assertThat(get("/statements", Map.of("Accept-Encoding", "*")).header("Content-Encoding"))
                .isEqualTo("gzip");
    }

    @Test
    void feeds_are_compressed_too() throws IOException {
        var org = fixtures.coalition();
        statements.published(
                statements.ownerOf(org), org, "en", Fixtures.unique("Compressed"), "Words of a feed. ".repeat(200));
        var gzip = Map.of("Accept-Encoding", "gzip");
        for (var feed : java.util.List.of("/statements.atom", "/statements.atom")) { // rendered, then kept
            var answer = get(feed, gzip);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(new String(gunzip(answer.body()), StandardCharsets.UTF_8))
                    .contains("</feed>");
        }
    }

    static byte[] gunzip(byte[] body) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
    }
}
