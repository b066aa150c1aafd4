package org.chorus.shared.markdown;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.AttributePolicy;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * Turns what people write (statements, comments, announcements) and HTML brought in from elsewhere into
 * {@link SafeHtml}, through one sanitizing policy.
 */
public final class Markdown {

    private static final List<String> LINK_SCHEMES = List.of("http", "https", "mailto");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern ANCHOR_ID = Pattern.compile("[a-z0-9-]+");
    private static final String DEFAULT_ANCHOR = "section";

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            AutolinkExtension.create(),
            HeadingAnchorExtension.builder().defaultId(DEFAULT_ANCHOR).build());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    // Raw HTML and every URL are passed on as written, so that writers keep the odd <br> or <em>: the policy below is
    // what makes them safe. (The renderer's own URL filter would turn a javascript: link into href="", a link to the
    // page itself, where the policy drops the link and keeps its text.)
    //
    // A single line break is a line break on the page: statements are not code, and the slogans and signature blocks
    // people paste as plain lines ("Fund the future!" / "Pay the debt!") must not run together (decision 0019).
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .softbreak("<br />\n")
            .attributeProviderFactory(context -> new AsciiHeadingAnchors())
            .build();

    // An image loads without a click, so it gets no mailto: and, like everything else, no data: or javascript:. The
    // web addresses left pass on to HostedImages.Filter, which keeps only Chorus's own and counts the rest.
    private static final AttributePolicy IMAGE_SOURCE = (element, attribute, value) -> {
        var scheme = URL_SCHEME.matcher(value.strip());
        if (!scheme.find()) {
            return value;
        }
        var name = scheme.group().toLowerCase(Locale.ROOT);
        return name.equals("http:") || name.equals("https:") ? value : null;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6")
            .allowElements("em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br")
            .allowElements("table", "thead", "tbody", "tr", "th", "td")
            .allowElements("a", "img")
            .allowAttributes("id")
            .matching(ANCHOR_ID)
            .onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("align")
            .matching(Pattern.compile("left|center|right"))
            .onElements("th", "td")
            // Markdown writes <ol start="3"> for a list that continues after a paragraph.
            .allowAttributes("start")
            .matching(Pattern.compile("[0-9]{1,9}"))
            .onElements("ol")
            .allowUrlProtocols(LINK_SCHEMES.toArray(String[]::new))
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("src")
            .matching(IMAGE_SOURCE)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .allowAttributes("title")
            .onElements("a", "img")
            // Links written by anyone must not pass on our ranking, the opener window or the reader's address.
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private Markdown() {}

    /**
     * Markdown (CommonMark with tables, autolinks and heading anchors, and every line break kept) as sanitized HTML.
     * Images that Chorus does not host become their alt text ({@link HostedImages}).
     */
    public static SafeHtml render(String markdown) {
        return rendering(markdown).html();
    }

    /** What {@link #render} makes of the Markdown, and how many remote images it removed, to tell the writer. */
    public static Rendering rendering(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendering(SafeHtml.EMPTY, 0);
        }
        try {
            Node document = PARSER.parse(markdown);
            return sanitizing(RENDERER.render(document));
        } catch (StackOverflowError tooDeeplyNested) {
            // A few kilobytes of nested quotes, lists or emphasis overflow the recursive parser and renderer. The
            // reader still gets the words, unformatted, rather than an error page.
            return sanitizing("<p>" + escaped(markdown) + "</p>");
        }
    }

    /**
     * HTML from elsewhere (an import, a federated peer) cut down to what {@link #render} could have produced. Also
     * applied to renderings stored before a rule of the policy changed, so every output follows today's rules.
     */
    public static SafeHtml sanitize(String html) {
        return sanitizing(html).html();
    }

    /**
     * Markdown for a plain-text letter: each image becomes the note that replaces a removed image, since a text
     * letter shows no pictures and its reader's program might fetch or link an address left in it.
     */
    public static String withImagesAsText(String markdown) {
        return HostedImages.imagesAsText(markdown, false);
    }

    /**
     * Markdown as written, but with each image Chorus does not host replaced by the same note as in {@link #render},
     * for those who get the source rather than the HTML (the API's {@code markdown} field).
     */
    public static String withoutRemoteImages(String markdown) {
        return HostedImages.imagesAsText(markdown, true);
    }

    private static Rendering sanitizing(String html) {
        if (html == null || html.isBlank()) {
            return new Rendering(SafeHtml.EMPTY, 0);
        }
        var out = new StringBuilder(html.length());
        var images = new HostedImages.Filter(HtmlStreamRenderer.create(out, Handler.DO_NOTHING));
        HtmlSanitizer.sanitize(html, POLICY.apply(images));
        return new Rendering(new SafeHtml(out.toString()), images.removed());
    }

    /** Sanitized HTML and the number of images it lost because Chorus does not host them. */
    public record Rendering(SafeHtml html, int removedImages) {}

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Rewrites the anchors of headings to ASCII, so that a heading in French or Arabic keeps a link target the
     * policy accepts (it drops any id outside [a-z0-9-]).
     */
    private static final class AsciiHeadingAnchors implements AttributeProvider {

        private final Set<String> used = new HashSet<>();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (!(node instanceof Heading) || !attributes.containsKey("id")) {
                return;
            }
            var base = ascii(attributes.get("id"));
            var id = base;
            for (int n = 1; !used.add(id); n++) {
                id = base + "-" + n;
            }
            attributes.put("id", id);
        }

        private static String ascii(String id) {
            var ascii = Normalizer.normalize(id, Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-+|-+$)", "");
            return ascii.isEmpty() ? DEFAULT_ANCHOR : ascii;
        }
    }
}
