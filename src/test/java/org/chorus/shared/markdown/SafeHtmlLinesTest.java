package org.chorus.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlLinesTest {

    @Test
    void the_lines_a_reader_sees_are_the_blocks_of_the_text_without_markup() {
        var html = Markdown.render("""
                ## Our demands

                We call for [public finance](https://example.org/report), **now** &amp; here.

                - Grants, not loans
                - Debt relief
                """);

        assertThat(html.lines())
                .containsExactly(
                        "Our demands", "We call for public finance, now & here.", "Grants, not loans", "Debt relief");
    }
}
