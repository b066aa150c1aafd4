package org.chorus.shared.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlStreamEventReceiver;

/**
 * The one rule for pictures in what people write: only images Chorus hosts itself are shown, at a relative address
 * {@code /images/<uuid>.<png|jpg>}. Any other image would be fetched by every reader's browser or mail
 * program from a server of the writer's choosing, telling it who read what and when (a tracking pixel), so it becomes
 * its alt text as plain text instead. The images module serves uploads at this address; it is named here, in the one
 * place that renders Markdown, because the renderer must tell Chorus's own images from the rest.
 */
public final class HostedImages {

    /** Where uploaded images are served, relative to Chorus's base address. */
    public static final String PATH = "/images/";

    private static final Pattern HOSTED =
            Pattern.compile("/images/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(png|jpg)");
    // Output of the sanitizer only: it escapes every quote and '>' inside attribute values and text, so this matches
    // the start of an img element's src attribute and nothing a writer typed.
    private static final Pattern HOSTED_SOURCE = Pattern.compile("(<img\\b[^>]*?\\ssrc=\")(" + PATH + ")");
    private static final Pattern RAW_IMG = Pattern.compile("(?i)<img\\b[^>]*>");
    private static final Pattern RAW_ALT =
            Pattern.compile("(?i)[\\s/]alt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern RAW_SRC =
            Pattern.compile("(?i)[\\s/]src\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final String MARK = "\uD83D\uDDBC"; // FRAME WITH PICTURE: the same in every language

    private static final Parser SPANNING_PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private HostedImages() {}

    /** Whether an image address is one Chorus hosts (exactly the form the images module serves, nothing around it). */
    public static boolean isHosted(String source) {
        return source != null && HOSTED.matcher(source).matches();
    }

    /** What a reader sees where an image was removed: its alt text, marked as a picture, never a link. */
    static String note(String alt) {
        var text = alt == null ? "" : alt.strip();
        return text.isEmpty() ? "[" + MARK + "]" : "[" + MARK + " " + text + "]";
    }

    /**
     * Sanitized HTML with hosted images at absolute addresses under {@code baseUrl}, for letters and the API whose
     * readers are not on Chorus's pages.
     */
    static String absolute(String sanitizedHtml, String baseUrl) {
        var base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return HOSTED_SOURCE.matcher(sanitizedHtml).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + base + PATH));
    }

    static String imagesAsText(String markdown, boolean keepHosted) {
        if (markdown == null || markdown.isBlank()) {
            return markdown == null ? "" : markdown;
        }
        if (!markdown.contains("![")) {
            // every Markdown image opens with "![": without one there is nothing to replace, and no parse (the API
            // reads an action's description this way on every request)
            return markdown;
        }
        List<int[]> spans = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            SPANNING_PARSER.parse(markdown).accept(new AbstractVisitor() {
                @Override
                public void visit(Image image) {
                    List<SourceSpan> sourceSpans = image.getSourceSpans();
                    if (sourceSpans.isEmpty()) {
                        return;
                    }
                    if (keepHosted && isHosted(image.getDestination())) {
                        return;
                    }
                    var first = sourceSpans.getFirst();
                    var last = sourceSpans.getLast();
                    spans.add(new int[] {first.getInputIndex(), last.getInputIndex() + last.getLength()});
                    notes.add(note(textOf(image)));
                }
            });
        } catch (StackOverflowError tooDeeplyNested) {
            return rawImagesAsText(markdown, keepHosted);
        }
        var text = new StringBuilder(markdown);
        var order = new ArrayList<Integer>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> spans.get(i)[0]).reversed());
        for (int i : order) {
            text.replace(spans.get(i)[0], spans.get(i)[1], notes.get(i));
        }
        return rawImagesAsText(text.toString(), keepHosted);
    }

    private static String rawImagesAsText(String text, boolean keepHosted) {
        return RAW_IMG.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(
                        keepHosted && isHosted(rawAttribute(m.group(), RAW_SRC)) ? m.group() : rawNote(m.group())));
    }

    private static String rawNote(String tag) {
        var alt = rawAttribute(tag, RAW_ALT);
        return note(alt == null ? "" : alt);
    }

    private static String rawAttribute(String tag, Pattern attribute) {
        var found = attribute.matcher(tag);
        if (!found.find()) {
            return null;
        }
        var value = found.group(1) != null ? found.group(1) : found.group(2) != null ? found.group(2) : found.group(3);
        return Encoding.decodeHtml(value, false);
    }

    private static String textOf(Node node) {
        var text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }

    /**
     * Passes the sanitizer's output on, except images Chorus does not host, which become their alt text (as text,
     * so the renderer escapes it); counts them for the writer's note.
     */
    static final class Filter implements HtmlStreamEventReceiver {

        private final HtmlStreamEventReceiver out;
        private int removed;
        private boolean skippingClose;

        Filter(HtmlStreamEventReceiver out) {
            this.out = out;
        }

        int removed() {
            return removed;
        }

        @Override
        public void openDocument() {
            out.openDocument();
        }

        @Override
        public void closeDocument() {
            out.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            if (!"img".equals(elementName)) {
                out.openTag(elementName, attrs);
                return;
            }
            if (isHosted(attribute(attrs, "src"))) {
                out.openTag(elementName, attrs);
                return;
            }
            removed++;
            skippingClose = true;
            out.text(note(attribute(attrs, "alt")));
        }

        @Override
        public void closeTag(String elementName) {
            if ("img".equals(elementName) && skippingClose) {
                skippingClose = false;
                return;
            }
            out.closeTag(elementName);
        }

        @Override
        public void text(String text) {
            out.text(text);
        }

        private static String attribute(List<String> attrs, String name) {
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if (attrs.get(i).equals(name)) {
                    return attrs.get(i + 1);
                }
            }
            return null;
        }
    }
}
