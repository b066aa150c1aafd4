package org.chorus.email;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.chorus.shared.markdown.SafeHtml;

/** One part of a letter's body. Text is escaped when rendered; only {@link Html} carries markup, already sanitized. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(LetterBlock.Paragraph.class),
    @JsonSubTypes.Type(LetterBlock.Button.class),
    @JsonSubTypes.Type(LetterBlock.Html.class),
    @JsonSubTypes.Type(LetterBlock.Items.class)
})
public sealed interface LetterBlock {

    /** A paragraph of plain text. */
    record Paragraph(String text) implements LetterBlock {}

    /** A link shown as a button in HTML and as the bare address in the text part. */
    record Button(String label, String url) implements LetterBlock {}

    /**
     * Sanitized HTML (from {@link org.chorus.shared.markdown.Markdown}) with its plain-text rendering for the text
     * part.
     */
    record Html(String html, String text) implements LetterBlock {
        public static Html of(SafeHtml html, String text) {
            return new Html(html.html(), text);
        }
    }

    /** A list of linked items, e.g. the statements of a weekly digest. */
    record Items(List<Item> items) implements LetterBlock {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** One item of a list: a title linking to a page, and a line under it. */
    record Item(String title, String url, String detail) {}
}
