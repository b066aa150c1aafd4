package org.chorus.imports;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress WXR export (versions 1.0 to 1.2) into records, refusing hostile or broken files with a
 * {@link WxrRejected}. Pure JDK StAX: the file is read once, as a stream, and nothing in it is ever fetched.
 */
public final class WxrParser {

    /** Far above any real export of an organization's site, far below what would hurt the server. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /**
     * Items (posts, pages, attachments, anything else, and comments) one export may hold: a large news site's
     * archive, while an import stays a matter of minutes. A file with more is refused while it is read, before
     * anything is stored.
     */
    public static final int MAX_ITEMS = 50_000;

    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    // WordPress.com writes https, self-hosted sites http, and the version changed three times
    private static final Pattern WORDPRESS_NS = Pattern.compile("https?://wordpress\\.org/export/[0-9.]+/");
    private static final Pattern EXCERPT_NS = Pattern.compile("https?://wordpress\\.org/export/[0-9.]+/excerpt/");

    // without it the JDK reader hands CDATA sections over as plain characters
    private static final String REPORT_CDATA = "http://java.sun.com/xml/stream/properties/report-cdata-event";

    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Set<String> CONTENT_TYPES = Set.of("post", "page");

    /**
     * The JDK's own limits, in case a DTD ever got past the DOCTYPE check; a WXR file needs none of what they allow.
     * Names the running JDK does not know are ignored. Three of them are switched off (0): the JDK counts the
     * predefined {@code &amp;} and {@code &lt;} and character references against them as if they were declared
     * entities (and the document itself as "[xml]" for the size ones), and WordPress writes one for every ampersand
     * and angle bracket of a title or a comment, so their limits refused ordinary sites with more than 1,000 escaped
     * characters. Without a DTD those fixed references are all that is left, each one a few bytes of the file, so the
     * size limit bounds them; the limit on expanding declared entities stays.
     */
    private static final Map<String, String> JDK_LIMITS = Map.of(
            "jdk.xml.entityExpansionLimit", "100",
            "jdk.xml.maxGeneralEntitySizeLimit", "0",
            "jdk.xml.maxParameterEntitySizeLimit", "1000",
            "jdk.xml.totalEntitySizeLimit", "0",
            "jdk.xml.entityReplacementLimit", "0",
            "jdk.xml.maxElementDepth", "100",
            "jdk.xml.elementAttributeLimit", "100",
            "jdk.xml.maxXMLNameLimit", "1000");

    private WxrParser() {}

    /** Reads a whole export of at most {@link #DEFAULT_MAX_BYTES}. The stream is left open for its owner. */
    public static WxrExport parse(InputStream in) {
        return parse(in, DEFAULT_MAX_BYTES);
    }

    /** Reads a whole export of at most {@code maxBytes}. The stream is left open for its owner. */
    public static WxrExport parse(InputStream in, long maxBytes) {
        return parse(in, maxBytes, MAX_ITEMS);
    }

    /**
     * Reads a whole export of at most {@code maxBytes} and {@code maxItems} items (comments included). The stream is
     * left open for its owner.
     */
    public static WxrExport parse(InputStream in, long maxBytes, int maxItems) {
        var limited = new SizeLimit(in, maxBytes);
        XMLStreamReader xml = null;
        try {
            xml = hardenedFactory().createXMLStreamReader(limited);
            return new Reading(xml, maxItems).export();
        } catch (XMLStreamException e) {
            // the XML reader wraps every failure of the stream; what the stream recorded tells them apart
            if (limited.exceeded) {
                throw WxrRejected.tooLarge();
            }
            if (limited.failure != null) {
                throw new UncheckedIOException(limited.failure);
            }
            throw WxrRejected.malformed(lineOf(e, xml));
        } finally {
            close(xml);
        }
    }

    private static XMLInputFactory hardenedFactory() {
        // the JDK's implementation, whatever else is on the classpath: the settings below are the ones it honours
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // separate CDATA events let the reader tell a section's text from the indentation around it
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(REPORT_CDATA, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("an external resource was requested: " + systemId);
        });
        JDK_LIMITS.forEach((name, value) -> {
            try {
                factory.setProperty(name, value);
            } catch (IllegalArgumentException unknownToThisJdk) {
                // the DOCTYPE refusal does not depend on these limits
            }
        });
        return factory;
    }

    private static int lineOf(XMLStreamException e, XMLStreamReader xml) {
        Location location = e.getLocation();
        if (location == null && xml != null) {
            location = xml.getLocation();
        }
        return location == null ? 1 : Math.max(1, location.getLineNumber());
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader frees buffers only; the stream belongs to the caller
        }
    }

    /** One pass over one document; the reader is always left on the end tag of what a method read. */
    private static final class Reading {

        private final XMLStreamReader xml;
        private String siteTitle = "";
        private String link = "";
        private String baseSiteUrl = "";
        private String baseBlogUrl = "";
        private String wxrVersion;
        private final List<WxrAuthor> authors = new ArrayList<>();
        private final List<WxrTerm> categories = new ArrayList<>();
        private final List<WxrTerm> tags = new ArrayList<>();
        private final List<WxrPost> posts = new ArrayList<>();
        private final List<WxrAttachment> attachments = new ArrayList<>();
        private final List<WxrSkipped> skipped = new ArrayList<>();
        private final int maxItems;
        private int items;

        Reading(XMLStreamReader xml, int maxItems) {
            this.xml = xml;
            this.maxItems = maxItems;
        }

        private void count() {
            if (++items > maxItems) {
                throw WxrRejected.tooManyItems(maxItems);
            }
        }

        WxrExport export() throws XMLStreamException {
            boolean sawChannel = false;
            while (xml.hasNext()) {
                int event = xml.next();
                refuseEntities(event);
                if (event == START_ELEMENT) {
                    if (!"rss".equals(name())) {
                        throw WxrRejected.notWxr();
                    }
                    sawChannel = rss();
                }
            }
            if (!sawChannel) {
                throw WxrRejected.notWxr();
            }
            return new WxrExport(
                    siteTitle,
                    firstFilled(baseBlogUrl, link, baseSiteUrl),
                    wxrVersion,
                    authors,
                    categories,
                    tags,
                    posts,
                    attachments,
                    skipped);
        }

        private boolean rss() throws XMLStreamException {
            var sawChannel = new boolean[] {false};
            children(name -> {
                if (name.equals("channel")) {
                    sawChannel[0] = true;
                    channel();
                } else {
                    skip();
                }
            });
            return sawChannel[0];
        }

        private void channel() throws XMLStreamException {
            children(name -> {
                switch (name) {
                    case "title" -> siteTitle = text().strip();
                    case "link" -> link = text().strip();
                    case "wp:base_site_url" -> baseSiteUrl = text().strip();
                    case "wp:base_blog_url" -> baseBlogUrl = text().strip();
                    case "wp:wxr_version" -> wxrVersion = text().strip();
                    case "wp:author" -> author();
                    case "wp:category" -> category();
                    case "wp:tag" -> tag();
                    case "wp:term" -> term();
                    case "item" -> item();
                    default -> skip();
                }
            });
        }

        private void author() throws XMLStreamException {
            var fields = fields();
            authors.add(new WxrAuthor(
                    stripped(fields, "wp:author_login"),
                    stripped(fields, "wp:author_email"),
                    stripped(fields, "wp:author_display_name")));
        }

        private void category() throws XMLStreamException {
            var fields = fields();
            categories.add(new WxrTerm(
                    stripped(fields, "wp:category_nicename"),
                    stripped(fields, "wp:cat_name"),
                    parent(stripped(fields, "wp:category_parent"))));
        }

        private void tag() throws XMLStreamException {
            var fields = fields();
            tags.add(new WxrTerm(stripped(fields, "wp:tag_slug"), stripped(fields, "wp:tag_name"), null));
        }

        /** The generic form of newer exports: categories and tags may come this way too; other taxonomies are left. */
        private void term() throws XMLStreamException {
            var fields = fields();
            var term = new WxrTerm(
                    stripped(fields, "wp:term_slug"),
                    stripped(fields, "wp:term_name"),
                    parent(stripped(fields, "wp:term_parent")));
            switch (stripped(fields, "wp:term_taxonomy")) {
                case "category" -> categories.add(term);
                case "post_tag" -> tags.add(new WxrTerm(term.slug(), term.name(), null)); // tags have no parents
                default -> {}
            }
        }

        private void item() throws XMLStreamException {
            count();
            var fields = new HashMap<String, String>();
            var postCategories = new LinkedHashSet<String>();
            var postTags = new LinkedHashSet<String>();
            var comments = new ArrayList<WxrComment>();
            children(name -> {
                switch (name) {
                    case "category" -> {
                        var domain = xml.getAttributeValue(null, "domain");
                        var nicename = xml.getAttributeValue(null, "nicename");
                        var termName = text().strip();
                        // WXR 1.0 repeats every term without a nicename; WordPress reads only the ones with it
                        if (nicename != null && domain != null) {
                            switch (domain) {
                                case "category" -> postCategories.add(termName);
                                case "post_tag", "tag" -> postTags.add(termName); // "tag" in WXR 1.0
                                default -> {} // post formats and custom taxonomies have no place in Chorus
                            }
                        }
                    }
                    case "wp:comment" -> comments.add(comment());
                    // serialized PHP lives there; nothing in Chorus needs it, so it is never read
                    case "wp:postmeta" -> skip();
                    default -> fields.put(name, text());
                }
            });

            long id = number(fields.get("wp:post_id"));
            var title = fields.getOrDefault("title", "");
            var type = firstFilled(stripped(fields, "wp:post_type"), "post");
            if (type.equals("attachment")) {
                attachments.add(new WxrAttachment(
                        id, title, stripped(fields, "wp:attachment_url"), number(fields.get("wp:post_parent"))));
            } else if (CONTENT_TYPES.contains(type)) {
                posts.add(new WxrPost(
                        id,
                        title,
                        stripped(fields, "link"),
                        stripped(fields, "wp:post_name"),
                        fields.getOrDefault("content:encoded", ""),
                        fields.getOrDefault("excerpt:encoded", ""),
                        // a few hand-made exports name the author with wp:author instead of dc:creator
                        firstFilled(stripped(fields, "dc:creator"), stripped(fields, "wp:author")),
                        date(fields.get("wp:post_date_gmt"), fields.get("wp:post_date")),
                        // what WordPress itself does with a post of unknown status: keep it out of sight
                        firstFilled(stripped(fields, "wp:status"), "draft"),
                        type,
                        List.copyOf(postCategories),
                        List.copyOf(postTags),
                        comments,
                        "open".equals(stripped(fields, "wp:comment_status"))));
            } else {
                skipped.add(new WxrSkipped(type, title.strip(), id));
            }
        }

        private WxrComment comment() throws XMLStreamException {
            count();
            var fields = new HashMap<String, String>();
            children(name -> {
                if (name.equals("wp:commentmeta")) {
                    skip();
                } else {
                    fields.put(name, text());
                }
            });
            return new WxrComment(
                    number(fields.get("wp:comment_id")),
                    number(fields.get("wp:comment_parent")),
                    stripped(fields, "wp:comment_author"),
                    stripped(fields, "wp:comment_author_email"),
                    stripped(fields, "wp:comment_author_url"),
                    date(fields.get("wp:comment_date_gmt"), fields.get("wp:comment_date")),
                    fields.getOrDefault("wp:comment_content", ""),
                    commentStatus(stripped(fields, "wp:comment_approved")));
        }

        private static String commentStatus(String approved) {
            return switch (approved) {
                case "1", "approve", "approved" -> "approved";
                case "spam" -> "spam";
                case "trash" -> "trash";
                default -> "pending";
            };
        }

        /** The text of each child element, by name; grandchildren are not read. */
        private Map<String, String> fields() throws XMLStreamException {
            var fields = new HashMap<String, String>();
            children(name -> fields.put(name, text()));
            return fields;
        }

        private void children(ChildReader reader) throws XMLStreamException {
            while (true) {
                int event = xml.next();
                refuseEntities(event);
                if (event == START_ELEMENT) {
                    reader.read(name());
                } else if (event == END_ELEMENT) {
                    return;
                }
            }
        }

        /**
         * The text of the current element. WordPress wraps values in CDATA, splits a section wherever the text
         * holds {@code ]]>}, and indents around them: when an element has CDATA sections, the whitespace outside
         * them is layout, not content. Plain text, the way older exports write titles, is kept as it is.
         */
        private String text() throws XMLStreamException {
            var pieces = new ArrayList<Piece>();
            var plain = new StringBuilder();
            boolean hasCdata = false;
            int depth = 0;
            while (true) {
                int event = xml.next();
                refuseEntities(event);
                if (event == START_ELEMENT) {
                    depth++;
                } else if (event == END_ELEMENT) {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (depth == 0 && (event == CHARACTERS || event == SPACE)) {
                    plain.append(xml.getText());
                } else if (depth == 0 && event == CDATA) {
                    pieces.add(new Piece(plain.toString(), false));
                    plain.setLength(0);
                    pieces.add(new Piece(xml.getText(), true));
                    hasCdata = true;
                }
            }
            pieces.add(new Piece(plain.toString(), false));
            var text = new StringBuilder();
            for (var piece : pieces) {
                if (piece.cdata() || !hasCdata || !isLayout(piece.text())) {
                    text.append(piece.text());
                }
            }
            return text.toString();
        }

        private void skip() throws XMLStreamException {
            int depth = 0;
            while (true) {
                int event = xml.next();
                refuseEntities(event);
                if (event == START_ELEMENT) {
                    depth++;
                } else if (event == END_ELEMENT && depth-- == 0) {
                    return;
                }
            }
        }

        private static void refuseEntities(int event) {
            // with DTDs unsupported an entity reference cannot resolve, but a refusal must not rest on that alone
            if (event == DTD || event == ENTITY_REFERENCE) {
                throw WxrRejected.doctype();
            }
        }

        /** The element's name with the prefix WordPress gives its namespace, whatever prefix the file chose. */
        private String name() {
            var uri = xml.getNamespaceURI();
            var local = xml.getLocalName();
            if (uri == null || uri.isEmpty()) {
                return local;
            }
            if (uri.equals(CONTENT_NS)) {
                return "content:" + local;
            }
            if (uri.equals(DC_NS)) {
                return "dc:" + local;
            }
            if (EXCERPT_NS.matcher(uri).matches()) {
                return "excerpt:" + local;
            }
            if (WORDPRESS_NS.matcher(uri).matches()) {
                return "wp:" + local;
            }
            return xml.getPrefix() + ":" + local;
        }
    }

    private record Piece(String text, boolean cdata) {}

    @FunctionalInterface
    private interface ChildReader {
        void read(String name) throws XMLStreamException;
    }

    private static boolean isLayout(String text) {
        return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r');
    }

    private static String stripped(Map<String, String> fields, String name) {
        var value = fields.get(name);
        return value == null ? "" : value.strip();
    }

    private static String firstFilled(String... values) {
        for (var value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String parent(String slug) {
        return slug.isEmpty() ? null : slug;
    }

    private static long number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** WordPress writes 0000-00-00 as the GMT date of drafts; their local date is then the best there is. */
    private static Instant date(String gmt, String local) {
        var instant = wordpressDate(gmt);
        return instant != null ? instant : wordpressDate(local);
    }

    private static Instant wordpressDate(String value) {
        if (value == null || value.isBlank() || value.strip().startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Counts the bytes read and stops at the limit, so a huge upload is refused before it is held in memory. */
    private static final class SizeLimit extends FilterInputStream {

        private final long maxBytes;
        private long count;
        boolean exceeded;
        IOException failure;

        SizeLimit(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            var b = new byte[1];
            int n = read(b, 0, 1);
            return n == -1 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (n > 0) {
                count += n;
                if (count > maxBytes) {
                    exceeded = true;
                    throw new IOException("the export is larger than " + maxBytes + " bytes");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping would let bytes through uncounted; the XML reader never needs it
            return 0;
        }
    }
}
