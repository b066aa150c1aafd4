package org.chorus.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void headings_get_anchors_a_reader_can_link_to() {
        var html = Markdown.render("# Our demands\n\n## Clean air now\n\ntext").html();

        assertThat(html).contains("<h1 id=\"our-demands\">Our demands</h1>");
        assertThat(html).contains("<h2 id=\"clean-air-now\">Clean air now</h2>");
    }

    @Test
    void a_heading_with_accents_gets_an_ascii_anchor_and_repeated_headings_get_distinct_ones() {
        var html = Markdown.render("## Déclaration commune\n\n## Déclaration commune\n\n## نداء")
                .html();

        assertThat(html).contains("<h2 id=\"declaration-commune\">Déclaration commune</h2>");
        assertThat(html).contains("<h2 id=\"declaration-commune-1\">Déclaration commune</h2>");
        assertThat(html).contains("<h2 id=\"section\">نداء</h2>");
    }

    @Test
    void slogans_and_a_signature_block_pasted_as_plain_lines_stay_on_their_own_lines() {
        var html = Markdown.render("Fund the future!\nPay the debt!\n\nAmina Diallo\nChairperson\n20 October 2023")
                .html();

        assertThat(html)
                .isEqualTo("<p>Fund the future!<br />\nPay the debt!</p>\n"
                        + "<p>Amina Diallo<br />\nChairperson<br />\n20 October 2023</p>\n");
    }

    @Test
    void a_line_break_inside_a_list_item_or_a_quote_is_kept_too() {
        var html = Markdown.render("- first line\n  second line\n\n> quoted\n> on two lines")
                .html();

        assertThat(html).contains("first line<br />\nsecond line", "quoted<br />\non two lines");
    }

    @Test
    void tables_render_with_their_column_alignment() {
        var html = Markdown.render("""
                        | Organization | Country | Members |
                        | :--- | :---: | ---: |
                        | Réseau Climat | Sénégal | 1200 |
                        """).html();

        assertThat(html).contains("<table>", "<thead>", "<tbody>");
        assertThat(html).contains("<th align=\"left\">Organization</th>", "<th align=\"center\">Country</th>");
        assertThat(html).contains("<td align=\"right\">1200</td>");
    }

    @Test
    void bare_addresses_become_links() {
        var html = Markdown.render("See https://example.org/call and www.example.org or write to team@example.org")
                .html();

        assertThat(html).contains("<a href=\"https://example.org/call\" rel=\"nofollow noopener noreferrer\">");
        assertThat(html).contains("href=\"http://www.example.org\"");
        assertThat(html).contains("href=\"mailto:team&#64;example.org\"");
    }

    @Test
    void every_link_gets_rel_nofollow_noopener_noreferrer() {
        var html = Markdown.render("[our partners](https://example.org \"Partners\")")
                .html();

        assertThat(html)
                .isEqualTo("<p><a href=\"https://example.org\" title=\"Partners\" rel=\"nofollow noopener noreferrer\">"
                        + "our partners</a></p>\n");
    }

    @Test
    void relative_and_fragment_links_are_kept() {
        var html = Markdown.render("[statement](/statements/clean-air) and [demands](#our-demands)")
                .html();

        assertThat(html).contains("href=\"/statements/clean-air\"", "href=\"#our-demands\"");
    }

    @Test
    void a_script_tag_never_survives() {
        var html = Markdown.render("Hello <script>alert('x')</script> world").html();

        assertThat(html.toLowerCase()).doesNotContain("<script", "alert");
        assertThat(html).contains("Hello", "world");
    }

    @Test
    void a_javascript_link_keeps_its_text_but_loses_its_target() {
        var html = Markdown.render("[click me](javascript:alert(1))").html();

        assertThat(html).isEqualTo("<p>click me</p>\n");
    }

    @Test
    void only_images_chorus_hosts_are_shown_and_a_remote_one_becomes_its_alt_text() {
        var hosted = "/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.png";
        var rendering = Markdown.rendering(
                "![Our march](" + hosted + " \"March\") and ![p](https://tracker.example/pixel.png)");

        assertThat(rendering.html().html())
                .contains("<img src=\"" + hosted + "\" alt=\"Our march\" title=\"March\" />")
                .contains("[&#x1f5bc; p]")
                .doesNotContain("tracker.example");
        assertThat(rendering.removedImages()).isEqualTo(1);
    }

    @Test
    void images_anywhere_else_are_removed_whatever_their_address_or_spelling() {
        for (var image : List.of(
                "![logo](https://example.org/logo.png \"Logo\")",
                "![logo](http://example.org/logo.png)",
                "![logo](//tracker.example/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.png)",
                "![logo](/media/logo.png)",
                "![logo](/images/../login)",
                "![logo](/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.png?who=reader)",
                "![logo](https://tracker.example/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.png)",
                "<img src=\"https://tracker.example/p.gif\" alt=\"logo\">",
                "<IMG SRC=https://tracker.example/p.gif ALT=logo>",
                "<p><img alt=\"logo\" src=\"https://tracker.example/p.gif\" width=\"1\" height=\"1\"></p>",
                "![logo](data:image/png;base64,iVBORw0KGgo=)")) {
            var rendering = Markdown.rendering(image);

            assertThat(rendering.html().html()).as(image).doesNotContain("<img").contains("logo");
            assertThat(rendering.removedImages()).as(image).isEqualTo(1);
        }
        assertThat(Markdown.render("<img src=\"mailto:someone@example.org\">").html())
                .doesNotContain("mailto");
    }

    @Test
    void a_removed_image_without_alt_text_still_leaves_a_mark_and_its_alt_text_stays_text() {
        assertThat(Markdown.render("a ![](https://tracker.example/p.png) b").html())
                .isEqualTo("<p>a [&#x1f5bc;] b</p>\n");
        assertThat(Markdown.render("![<b>bold</b> & \"quoted\"](https://tracker.example/p.png)")
                        .html())
                .doesNotContain("<b>")
                .contains("[&#x1f5bc; bold &amp; &#34;quoted&#34;]");
    }

    @Test
    void html_from_elsewhere_and_renderings_stored_before_loses_remote_images_too() {
        var stored = "<p>Hello <img src=\"https://tracker.example/pixel.png\" alt=\"p\" /></p>";

        assertThat(Markdown.sanitize(stored).html()).isEqualTo("<p>Hello [&#x1f5bc; p]</p>");
        assertThat(Markdown.sanitize(Markdown.sanitize(stored).html()).html())
                .isEqualTo(Markdown.sanitize(stored).html());
    }

    @Test
    void letters_and_the_api_get_hosted_images_at_chorus_address() {
        var html = Markdown.render("![a](/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.jpg) [/images/x](/images/x)");

        assertThat(html.withAbsoluteImages("https://chorus.example/").html())
                .contains("<img src=\"https://chorus.example/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.jpg\"")
                .contains("href=\"/images/x\"");
    }

    @Test
    void a_text_letter_shows_each_image_as_its_alt_text_and_no_address() {
        var text = Markdown.withImagesAsText("""
                Look: ![our *march*](https://tracker.example/pixel.png) and ![](/images/0b6e8f3c-5a7d-4c1e-9f2a-3d4b5c6d7e8f.png)
                <img src="https://tracker.example/2.gif" alt='crowd'>
                [![inside a link](https://tracker.example/3.png)](https://example.org)
                """);

        assertThat(text)
                .doesNotContain("tracker.example", "/images/")
                .contains("Look: [\uD83D\uDDBC our march] and [\uD83D\uDDBC]")
                .contains("[\uD83D\uDDBC crowd]")
                .contains("[[\uD83D\uDDBC inside a link]](https://example.org)");
    }

    @Test
    void inline_html_a_writer_may_use_is_kept_and_the_rest_dropped() {
        var html = Markdown.render("Line one<br>line <em>two</em> <span class=\"x\" style=\"color:red\">three</span>")
                .html();

        assertThat(html).isEqualTo("<p>Line one<br />line <em>two</em> three</p>\n");
    }

    @Test
    void code_is_shown_not_run() {
        var html = Markdown.render("```html\n<script>alert(1)</script>\n```").html();

        assertThat(html).isEqualTo("<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n");
    }

    @Test
    void imported_html_keeps_its_structure_and_loses_styles_classes_and_frames() {
        var html = Markdown.sanitize("""
                        <h2 id="Bad Id" class="wp-block-heading">Why we act</h2>
                        <p style="text-align:center" onclick="x()">We <strong>demand</strong> action.</p>
                        <iframe src="https://www.youtube.com/embed/x"></iframe>
                        <ul><li>one</li></ul>
                        """).html();

        assertThat(html).contains("<h2>Why we act</h2>", "<p>We <strong>demand</strong> action.</p>");
        assertThat(html).contains("<ul><li>one</li></ul>");
        assertThat(html).doesNotContain("style", "class", "onclick", "iframe", "youtube");
    }

    @Test
    void imported_html_keeps_a_well_formed_anchor() {
        assertThat(Markdown.sanitize("<h3 id=\"part-2\">Part 2</h3>").html())
                .isEqualTo("<h3 id=\"part-2\">Part 2</h3>");
    }

    @Test
    void absurdly_deep_nesting_comes_out_as_plain_text_instead_of_an_error() {
        var html = Markdown.render(">".repeat(100_000) + " <script>alert(1)</script> still here")
                .html();

        assertThat(html).startsWith("<p>&gt;&gt;&gt;").endsWith(" still here</p>");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void nothing_renders_as_nothing() {
        assertThat(Markdown.render(null).html()).isEmpty();
        assertThat(Markdown.render("  \n").html()).isEmpty();
        assertThat(Markdown.sanitize(null).html()).isEmpty();
    }

    @Test
    void plain_text_has_no_tags_and_no_runs_of_whitespace() {
        var rendered = Markdown.render("# Clean air\n\nWe *demand*   a plan &amp; a date.\n\n- one\n- two");

        assertThat(rendered.plainText()).isEqualTo("Clean air We demand a plan & a date. one two");
    }

    @Test
    void plain_text_shows_escaped_markup_as_the_reader_sees_it() {
        assertThat(Markdown.render("Use `<b>` for bold").plainText()).isEqualTo("Use <b> for bold");
    }

    @Test
    void an_excerpt_ends_at_a_word_boundary_with_an_ellipsis() {
        var statement = Markdown.render("We, the undersigned organizations, call on governments to act now.");

        assertThat(statement.excerpt(40)).isEqualTo("We, the undersigned organizations, call…");
        assertThat(statement.excerpt(40).length()).isLessThanOrEqualTo(40);
        assertThat(statement.excerpt(22)).isEqualTo("We, the undersigned…");
        assertThat(statement.excerpt(10)).isEqualTo("We, the…");
    }

    @Test
    void an_excerpt_of_a_long_text_reads_only_its_beginning_and_is_the_same() {
        // the first kilobyte is nearly all markup, with a link across the place the beginning is first cut
        var markup = "<span></span>".repeat(76) + "<p>Tenants &amp; <a href=\"https://example.org/" + "x".repeat(60)
                + "\">unions</a> agree.</p>";
        var body = "<p>" + "Housing is a right, not a commodity. ".repeat(200) + "</p>";
        var html = new SafeHtml(markup + body);

        assertThat(html.excerpt(60)).isEqualTo("Tenants & unions agree. Housing is a right, not a…");
        assertThat(html.excerpt(60)).isEqualTo(new SafeHtml(html.plainText()).excerpt(60));
        assertThat(new SafeHtml(body).excerpt(5000))
                .isEqualTo(new SafeHtml(new SafeHtml(body).plainText()).excerpt(5000));
    }

    @Test
    void a_short_text_is_its_own_excerpt() {
        assertThat(Markdown.render("Act **now**.").excerpt(40)).isEqualTo("Act now.");
    }

    @Test
    void an_excerpt_of_one_long_word_is_cut_inside_it() {
        assertThat(Markdown.render("Antidisestablishmentarianism").excerpt(8)).isEqualTo("Antidis…");
        assertThatThrownBy(() -> Markdown.render("x").excerpt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
