package org.chorus.imports;

import java.util.regex.Pattern;
import org.chorus.shared.LineEndings;
import org.chorus.shared.markdown.HtmlToMarkdown;
import org.chorus.shared.markdown.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * What WordPress stored, made into what Chorus keeps: the HTML of a post or page becomes Markdown a writer can edit
 * (flexmark's HTML-to-Markdown converter, after the sanitizer), a comment becomes plain text with its line breaks
 * (decision 0019).
 *
 * <p>WordPress keeps two kinds of content. The block editor stores finished HTML between {@code <!-- wp:… -->}
 * comments. The classic editor stores text whose blank lines are paragraphs and whose single line breaks are line
 * breaks, made into HTML only when shown ({@code wpautop}); the same goes for comments. Content without blocks is
 * therefore read the classic way first, so its paragraphs and slogans survive the conversion.
 */
final class WordPressContent {

    private static final Pattern BLOCK_MARK = Pattern.compile("<!--\\s*wp:");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");
    // a chunk of classic content that is already a block of HTML is left to the converter as it is
    private static final Pattern STARTS_AS_BLOCK = Pattern.compile(
            "(?i)^<(p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|table|thead|tbody|tr|hr|figure|section|article|!--)\\b");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+$", Pattern.MULTILINE);
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");

    private WordPressContent() {}

    /** The Markdown of a post's or page's HTML: no block comments, styles or classes, line breaks kept. */
    static String markdown(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        var text = LineEndings.normalized(html);
        return HtmlToMarkdown.convert(BLOCK_MARK.matcher(text).find() ? text : paragraphs(text));
    }

    /** A comment as plain text: its paragraphs apart, its line breaks where they were, no markup. */
    static String commentText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        // The text keeps its own line breaks; a <br> written next to one counts once.
        var safe = Markdown.sanitize(LineEndings.normalized(html));
        var text = new StringBuilder();
        Jsoup.parseBodyFragment(safe.html()).body().traverse(new NodeVisitor() {
            private boolean afterBreak;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    var words = t.getWholeText();
                    text.append(afterBreak && words.startsWith("\n") ? words.substring(1) : words);
                    afterBreak = false;
                } else if (node instanceof Element e && e.nameIs("br")) {
                    text.append('\n');
                    afterBreak = true;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !e.nameIs("body")) {
                    text.append("\n\n");
                    afterBreak = false;
                }
            }
        });
        var lines = TRAILING_SPACES.matcher(text).replaceAll("");
        return MANY_BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }

    /** Classic content as WordPress shows it: blank lines part paragraphs, a single line break is {@code <br>}. */
    private static String paragraphs(String text) {
        var html = new StringBuilder();
        for (var chunk : BLANK_LINES.split(text.strip())) {
            if (chunk.isBlank()) {
                continue;
            }
            if (STARTS_AS_BLOCK.matcher(chunk).find()) {
                html.append(chunk).append('\n');
            } else {
                html.append("<p>").append(chunk.strip().replace("\n", "<br>")).append("</p>\n");
            }
        }
        return html.toString();
    }
}
