package org.chorus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPressContentTest {

    @Test
    void block_editor_html_becomes_markdown_without_its_block_comments() {
        var markdown = WordPressContent.markdown("""
                <!-- wp:heading -->
                <h2 class="wp-block-heading">Our demands</h2>
                <!-- /wp:heading -->

                <!-- wp:paragraph -->
                <p>We call for <strong>debt relief</strong> and <a href="https://example.org/fund">a fund</a>.</p>
                <!-- /wp:paragraph -->

                <!-- wp:list -->
                <ul class="wp-block-list"><li>Cancel the debt</li><li>Fund the future</li></ul>
                <!-- /wp:list -->

                <!-- wp:paragraph -->
                <p>Fund the future!<br>Pay the debt!</p>
                <!-- /wp:paragraph -->
                """);

        assertThat(markdown)
                .doesNotContain("wp:", "<p>", "<!--", "class=")
                .contains("## Our demands")
                .contains("We call for **debt relief** and [a fund](https://example.org/fund).")
                .contains("- Cancel the debt\n- Fund the future")
                .contains("Fund the future!\nPay the debt!");
    }

    @Test
    void classic_editor_text_keeps_its_paragraphs_and_its_single_line_breaks() {
        var markdown = WordPressContent.markdown(
                "We stand together.\r\n\r\nFund the future!\r\nPay the debt!\r\n\r\nAmina Diallo\r\nChairperson");

        assertThat(markdown)
                .isEqualTo("We stand together.\n\nFund the future!\nPay the debt!\n\nAmina Diallo\nChairperson");
    }

    @Test
    void scripts_and_styles_do_not_come_along() {
        var markdown = WordPressContent.markdown(
                "<!-- wp:html --><script>alert(1)</script><p style=\"color:red\" onclick=\"x()\">Hello</p><!-- /wp:html -->");

        assertThat(markdown).isEqualTo("Hello");
    }

    @Test
    void a_comment_keeps_its_line_breaks_and_loses_its_markup() {
        var text = WordPressContent.commentText(
                "Thank you!\nI will be there.\n\nSee you <a href=\"https://example.org\">on Friday</a>,<br />\nLou");

        assertThat(text).isEqualTo("Thank you!\nI will be there.\n\nSee you on Friday,\nLou");
    }
}
