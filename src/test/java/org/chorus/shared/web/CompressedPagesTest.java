package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Public pages travel compressed whether the page cache made them now or replays them: its ETags are weak, since a
 * compressed and a plain answer are the same page but not the same bytes (a strong ETag stops the server compressing).
 */
@ChorusWebTest
class CompressedPagesTest {

    @LocalServerPort
    int port;

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
}
