package org.chorus.shared.markdown;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.regex.Pattern;
import org.chorus.shared.LineEndings;

/**
 * HTML from elsewhere (a WordPress post, an article of another fediverse server) made into Markdown a writer can edit:
 * sanitized by {@link Markdown}'s policy first, then flexmark's HTML-to-Markdown converter, then what the converter
 * writes for a writer's eyes undone where Chorus's Markdown reads the plain form the same (decision 0019).
 */
public final class HtmlToMarkdown {

    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+$", Pattern.MULTILINE);
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");
    // the empty comment the converter puts between two lists, "\&" where no entity follows, the note of a removed image
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?m)^<!-- -->$");
    private static final Pattern ESCAPED_AMPERSAND = Pattern.compile("\\\\&(?![#A-Za-z0-9]+;)");
    private static final Pattern ESCAPED_IMAGE_NOTE = Pattern.compile("\\\\\\[(\uD83D\uDDBC[^\\]\\n]*?)\\\\]");

    private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(new MutableDataSet()
                    .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                    .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                    .set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true)
                    .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
                    .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                    .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                    .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                    .set(FlexmarkHtmlConverter.WRAP_AUTO_LINKS, false)
                    .set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false)
                    .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
                    .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
                    .set(FlexmarkHtmlConverter.THEMATIC_BREAK, "---")
                    .toImmutable())
            .build();

    private HtmlToMarkdown() {}

    /** The Markdown of a piece of HTML: no comments, styles or classes, line breaks kept; "" for none. */
    public static String convert(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        var safe = Markdown.sanitize(LineEndings.normalized(html));
        var markdown = CONVERTER.convert(safe.html());
        // A line break is a line break in Chorus's Markdown: the converter's hard-break spaces are not needed.
        markdown = TRAILING_SPACES.matcher(markdown).replaceAll("");
        markdown = LIST_SEPARATOR.matcher(markdown).replaceAll("");
        markdown = ESCAPED_AMPERSAND.matcher(markdown).replaceAll("&");
        markdown = ESCAPED_IMAGE_NOTE.matcher(markdown).replaceAll("[$1]");
        return MANY_BLANK_LINES.matcher(markdown).replaceAll("\n\n").strip();
    }
}
