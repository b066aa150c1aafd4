package org.chorus.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known XSS and Markdown-XSS payloads, written as Markdown and as imported HTML, at the places a payload can sit:
 * none may leave anything executable in the output.
 */
class XssCorpusTest {

    // Tests run from the project directory; the shared fixtures sit beside it.
    private static final Path SHARED = Path.of("../shared/fixtures/xss");

    private static final List<String> MARKDOWN_PLACES = List.of(
            "%s",
            "# %s",
            "> %s",
            "- %s",
            "| heading |\n| :---: |\n| %s |",
            "[%s](https://example.org)",
            "[link](%s)",
            "![image](%s)",
            "[link][ref]\n\n[ref]: %s",
            "<div>\n%s\n</div>",
            "Some text %s more text");

    private static final List<String> HTML_PLACES =
            List.of("%s", "<p>%s</p>", "<a href=\"%s\">link</a>", "<img src='%s'>", "<h2 id=%s>heading</h2>");

    /** One line of a corpus file, named by where it came from so a failure is easy to find. */
    record Payload(String source, int line, String text) {
        @Override
        public String toString() {
            return source + ":" + line;
        }
    }

    static List<Payload> corpus() {
        var payloads = new ArrayList<Payload>();
        payloads.addAll(lines("payloads.txt", read(SHARED.resolve("payloads.txt"))));
        payloads.addAll(lines("markdown-payloads.txt", read(SHARED.resolve("markdown-payloads.txt"))));
        try (InputStream ours = XssCorpusTest.class.getResourceAsStream("/fixtures/xss/more-payloads.txt")) {
            assertThat(ours).as("more-payloads.txt on the test class path").isNotNull();
            payloads.addAll(lines("more-payloads.txt", new String(ours.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payloads;
    }

    static Stream<Payload> payloads() {
        return corpus().stream();
    }

    @Test
    void the_corpus_holds_well_over_two_hundred_payloads() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(260);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void a_payload_written_as_markdown_renders_inert(Payload payload) {
        for (var place : MARKDOWN_PLACES) {
            var markdown = place.formatted(payload.text());
            var html = Markdown.render(markdown).html();
            assertThat(ExecutableContentChecker.problemsIn(html))
                    .as("Markdown %s rendered as %s", markdown, html)
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void a_payload_imported_as_html_comes_out_inert(Payload payload) {
        for (var place : HTML_PLACES) {
            var imported = place.formatted(payload.text());
            var html = Markdown.sanitize(imported).html();
            assertThat(ExecutableContentChecker.problemsIn(html))
                    .as("HTML %s sanitized to %s", imported, html)
                    .isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the shared XSS fixtures belong beside the project: " + file, e);
        }
    }

    // One payload a line, split on '\n' only: some payloads carry a deliberate '\r' or tab.
    private static List<Payload> lines(String source, String content) {
        var payloads = new ArrayList<Payload>();
        var lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                payloads.add(new Payload(source, i + 1, lines[i]));
            }
        }
        return payloads;
    }
}
