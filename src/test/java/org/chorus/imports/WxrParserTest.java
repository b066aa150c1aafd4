package org.chorus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WxrParserTest {

    // real exports from the WordPress importer's own tests, plus hostile files written for Chorus
    static final Path FIXTURES = Path.of("../shared/fixtures/wxr");

    @Test
    void a_small_export_keeps_its_site_authors_terms_and_every_post_and_page() throws IOException {
        var export = parse("small-export.xml");

        assertThat(export.siteTitle()).isEqualTo("trunk");
        assertThat(export.siteUrl()).isEqualTo("http://localhost/");
        assertThat(export.wxrVersion()).isEqualTo("1.1");
        assertThat(export.authors()).extracting(WxrAuthor::login).containsExactly("admin", "editor", "author");
        assertThat(export.authors().get(1)).isEqualTo(new WxrAuthor("editor", "editor@example.org", "editor"));
        assertThat(export.categories()).hasSize(30).contains(new WxrTerm("foo-bar", "Foo", "bar"));
        assertThat(export.categories().getFirst()).isEqualTo(new WxrTerm("alpha", "alpha", null));
        assertThat(export.tags())
                .containsExactly(
                        new WxrTerm("tag1", "Tag1", null),
                        new WxrTerm("tag2", "Tag2", null),
                        new WxrTerm("tag3", "Tag3", null));
        assertThat(export.posts()).hasSize(11);
        assertThat(export.posts()).filteredOn(p -> p.type().equals("page")).hasSize(5);
        assertThat(export.attachments()).isEmpty();
        assertThat(export.skipped()).isEmpty();
    }

    @Test
    void a_post_keeps_its_date_author_categories_and_tags() throws IOException {
        var post = post(parse("small-export.xml"), 13);

        assertThat(post.title()).isEqualTo("Private Post");
        assertThat(post.link()).isEqualTo("http://localhost/?p=13");
        assertThat(post.slug()).isEqualTo("private-post");
        assertThat(post.content()).isEqualTo("Tagged with some tags.");
        assertThat(post.excerpt()).isEmpty();
        assertThat(post.authorLogin()).isEqualTo("admin");
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2011-01-18T07:47:19Z"));
        assertThat(post.status()).isEqualTo("private");
        assertThat(post.type()).isEqualTo("post");
        assertThat(post.categories()).containsExactly("Uncategorized");
        assertThat(post.tags()).containsExactly("Tag1", "Tag2", "Tag3");
        assertThat(post.comments()).isEmpty();
    }

    @Test
    void a_comment_keeps_its_author_date_text_and_approval() throws IOException {
        var hello = post(parse("small-export.xml"), 1);

        assertThat(hello.comments()).hasSize(1);
        var comment = hello.comments().getFirst();
        assertThat(comment.wpId()).isEqualTo(1);
        assertThat(comment.parentWpId()).isZero();
        assertThat(comment.authorName()).isEqualTo("Mr WordPress");
        assertThat(comment.authorEmail()).isEmpty();
        assertThat(comment.authorUrl()).isEqualTo("http://wordpress.org/");
        assertThat(comment.date()).isEqualTo(Instant.parse("2011-01-18T07:40:14Z"));
        // inside CDATA a character reference is text: WordPress stored it that way and shows it that way
        assertThat(comment.content())
                .isEqualTo("Hi, this is a comment.<br />To delete a comment, just log in and view the post&#039;s"
                        + " comments. There you will have the option to edit or delete them.");
        assertThat(comment.status()).isEqualTo("approved");
    }

    @Test
    void non_ascii_names_and_post_formats_are_kept_apart_from_categories() throws IOException {
        var export = parse("small-export.xml");

        assertThat(export.categories()).contains(new WxrTerm("eternity", "远征手记", null));
        assertThat(post(export, 22).categories()).hasSize(27).contains("远征手记", "uPsIlOn");
        assertThat(post(export, 19).categories()).containsExactly("Uncategorized");
    }

    @Test
    void a_draft_without_a_gmt_date_is_dated_by_its_local_date() throws IOException {
        var draft = post(parse("small-export.xml"), 9);

        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.slug()).isEmpty();
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2011-01-18T07:46:29Z"));
    }

    @Test
    void a_wxr_1_0_export_reads_its_tags_from_the_old_tag_domain() throws IOException {
        var export = parse("valid-wxr-1.0.xml");

        assertThat(export.wxrVersion()).isEqualTo("1.0");
        assertThat(export.siteUrl()).isEqualTo("http://localhost/");
        assertThat(export.categories().getFirst()).isEqualTo(new WxrTerm("alpha", "alpha", null));
        assertThat(export.tags().getFirst()).isEqualTo(new WxrTerm("chicken", "chicken", null));
        assertThat(export.posts()).hasSize(6);
        // the same terms as WordPress's own parser reads, without the copies that have no nicename
        assertThat(export.posts().get(0).categories()).containsExactly("Uncategorized");
        assertThat(export.posts().get(2).categories()).containsExactly("alpha");
        assertThat(export.posts().get(2).tags()).containsExactly("news", "roar");
        assertThat(export.posts().get(3).categories()).containsExactly("child");
        assertThat(export.posts().get(3).tags()).containsExactly("chicken", "face");
    }

    @Test
    void a_wxr_1_1_export_keeps_its_author_terms_and_posts() throws IOException {
        var export = parse("valid-wxr-1.1.xml");

        assertThat(export.wxrVersion()).isEqualTo("1.1");
        assertThat(export.siteTitle()).isEqualTo("Export Datasets");
        assertThat(export.authors()).containsExactly(new WxrAuthor("john", "johndoe@example.org", "John Doe"));
        assertThat(export.categories()).containsExactly(new WxrTerm("alpha", "alpha", null));
        assertThat(export.tags()).containsExactly(new WxrTerm("clippable", "Clippable", null));
        assertThat(export.posts()).extracting(WxrPost::type).containsExactly("post", "page");
        var hello = export.posts().getFirst();
        assertThat(hello.categories()).containsExactly("alpha");
        assertThat(hello.tags()).containsExactly("Clippable");
        assertThat(hello.publishedAt()).isEqualTo(Instant.parse("2010-10-16T20:53:18Z"));
        assertThat(hello.comments()).extracting(WxrComment::status).containsExactly("approved");
    }

    @Test
    void an_export_without_a_version_number_is_still_read() throws IOException {
        var export = parse("missing-version-tag.xml");

        assertThat(export.wxrVersion()).isNull();
        assertThat(export.siteTitle()).isEqualTo("WXR Test Data");
        assertThat(export.authors()).extracting(WxrAuthor::login).containsExactly("john");
        assertThat(export.categories()).hasSize(21);
        assertThat(export.tags()).hasSize(18);
        assertThat(export.posts()).isEmpty();
    }

    @Test
    void content_split_over_several_cdata_sections_is_joined_without_the_layout_around_it() throws IOException {
        var post = parse("multiple-cdata.xml").posts().getFirst();

        assertThat(post.content()).isEqualTo("line oneline twoline three");
    }

    @Test
    void an_escaped_cdata_end_inside_content_comes_back_as_written() throws IOException {
        var post = parse("crazy-cdata-escaped.xml").posts().getFirst();

        assertThat(post.content()).isEqualTo("Content with nested <![CDATA[ tags ]]> :)");
    }

    @Test
    void a_near_miss_of_a_cdata_end_stays_in_the_content() throws IOException {
        var post = parse("cdata-edge.xml").posts().getFirst();

        assertThat(post.content()).isEqualTo("ends with sequence ]] >");
    }

    @Test
    void blank_lines_in_content_survive() throws IOException {
        assertThat(parse("blank-lines.xml").posts().getFirst().content())
                .isEqualTo("first paragraph\n\nsecond paragraph");
        assertThat(parse("post-content-blank-lines.xml").posts().getFirst().content())
                .isEqualTo("This is an example of a WordPress post.\n\t\tIt has lines with text (and one blank line)."
                        + "\n\nAnd more lines with text.");
    }

    @Test
    void slashes_and_backslashes_are_kept_exactly() throws IOException {
        var export = parse("slashes.xml");
        var post = export.posts().getFirst();

        assertThat(post.content()).isEqualTo("Slashes aren\\'t \\\"cool\\\"");
        assertThat(post.categories()).containsExactly("a \\\"great\\\" category");
        assertThat(export.categories()).containsExactly(new WxrTerm("alpha", "a \\\"great\\\" category", null));
        assertThat(export.tags()).containsExactly(new WxrTerm("tag1", "foo\\'bar", null));
        assertThat(post.comments().getFirst().content()).isEqualTo("\\o/ ¯\\_(ツ)_/¯");
        assertThat(post.comments().getFirst().date()).isEqualTo(Instant.parse("2011-01-18T20:53:18Z"));
    }

    @Test
    void emoji_bidi_controls_zalgo_and_invisible_characters_are_kept_exactly() throws IOException {
        var raw = Files.readString(FIXTURES.resolve("wxr-utf-8-challenges.xml"), StandardCharsets.UTF_8);
        var export = parse("wxr-utf-8-challenges.xml");
        var post = export.posts().getFirst();

        assertThat(export.siteTitle()).isEqualTo("My WordPress Website 🚀 \u202E\u202Dمرحبا");
        assertThat(export.authors().getFirst().login()).isEqualTo("admin\u200C\u200B\u200D\u200E");
        assertThat(export.authors().getFirst().email()).isEqualTo("ădmĩn@ℓocalhost.com");
        assertThat(export.authors().getFirst().displayName())
                .isEqualTo(
                        "A\u0338\u0330\u0305d\u0334\u0330\u035Dm\u0335\u034E\u033Di\u0335\u0331\u030Bn\u0337\u0330\u030E \u200B\u200D\u200C\u200E");
        assertThat(post.authorLogin()).isEqualTo("admin\u200C\u200B\u200D\u200E");
        assertThat(post.title())
                .isEqualTo("\"The Road \u202ENot\u202C Taken\" by Rob\u202Dert \u202EFrost \u202A\uD83C\uDF32\u202C");
        // CDATA content is compared with the bytes of the file itself: nothing normalised, nothing lost
        assertThat(post.content()).isEqualTo(between(raw, "<content:encoded><![CDATA[", "]]></content:encoded>"));
        assertThat(post.excerpt()).isEqualTo(between(raw, "<excerpt:encoded><![CDATA[", "]]></excerpt:encoded>"));
        assertThat(post.content()).contains("🚀🌟💫", "𝓣𝓮𝓼𝓽", "السلام عليكم", "&#xD800;");
        assertThat(post.slug()).isEqualTo("hello-w\u202Eorld\u202C-utf8-💫-test");
        assertThat(post.categories())
                .hasSize(1)
                .allSatisfy(name -> assertThat(name).endsWith(" 🎭"));
    }

    @Test
    void serialized_php_meta_is_left_alone_and_does_not_leak_into_the_post() throws IOException {
        var post = parse("test-serialized-postmeta-with-cdata.xml").posts().getFirst();

        assertThat(post.content()).doesNotContain("a:2:{", "evil");
        assertThat(parse("test-serialized-comment-meta.xml").posts().getFirst().comments())
                .hasSize(1)
                .allSatisfy(comment -> assertThat(comment.content()).doesNotContain("a:1:{"));
    }

    @Test
    void missing_optional_tags_leave_empty_values_rather_than_failing() throws IOException {
        var post = parse("missing-tags.xml").posts().getFirst();

        assertThat(post.title()).isEqualTo("No Author Post");
        assertThat(post.authorLogin()).isEmpty();
        assertThat(post.link()).isEmpty();
        assertThat(post.excerpt()).isEmpty();
        assertThat(post.publishedAt()).isNull();
        assertThat(post.categories()).isEmpty();
        assertThat(post.comments()).isEmpty();

        var comment =
                parse("wxr-with-sub-data.xml").posts().getFirst().comments().getFirst();
        assertThat(comment.authorName()).isEqualTo("Commenter");
        assertThat(comment.date()).isNull();
        assertThat(comment.status())
                .as("not marked approved, so a moderator decides")
                .isEqualTo("pending");
    }

    @Test
    void identifiers_written_over_several_lines_are_trimmed() throws IOException {
        var export = parse("authors-multiline.xml");

        assertThat(export.authors()).extracting(WxrAuthor::login).containsExactly("alice", "bob", "carol");
        assertThat(export.posts().getFirst().authorLogin()).isEqualTo("alice");
    }

    @Test
    void categories_and_tags_written_as_generic_terms_are_read_and_other_taxonomies_left() throws IOException {
        var export = parse("term-formats.xml");

        assertThat(export.categories()).extracting(WxrTerm::slug).containsExactly("category-name", "cat-2");
        assertThat(export.tags()).extracting(WxrTerm::name).containsExactly("A Tag!", "A Random Color", "Another Tag");
        assertThat(parse("term-meta.xml").categories()).containsExactly(new WxrTerm("news", "News", null));
    }

    @Test
    void the_theme_unit_test_export_is_read_whole_with_attachments_apart_and_menus_skipped() throws IOException {
        var export = parse("theme-unit-test-data.xml");

        assertThat(export.siteTitle()).isEqualTo("Theme Unit Test Data");
        assertThat(export.siteUrl()).isEqualTo("https://wpthemetestdata.wordpress.com");
        assertThat(export.wxrVersion()).isEqualTo("1.2");
        assertThat(export.posts()).hasSize(79);
        assertThat(export.posts()).filteredOn(p -> p.type().equals("page")).hasSize(21);
        assertThat(export.attachments())
                .hasSize(37)
                .allSatisfy(attachment -> assertThat(attachment.url()).startsWith("http"));
        assertThat(export.skipped())
                .hasSize(70)
                .allSatisfy(item -> assertThat(item.type()).isEqualTo("nav_menu_item"));
        assertThat(export.posts().stream().mapToInt(p -> p.comments().size()).sum())
                .isEqualTo(33);
        assertThat(export.posts())
                .allSatisfy(post -> assertThat(post.publishedAt()).isNotNull());
    }

    @Test
    void a_page_says_whether_wordpress_took_comments_on_it() throws IOException {
        var export = parse("theme-unit-test-data.xml");

        assertThat(export.posts())
                .filteredOn(p -> p.title().equals("Page with comments"))
                .singleElement()
                .satisfies(page -> {
                    assertThat(page.type()).isEqualTo("page");
                    assertThat(page.commentsOpen()).isTrue();
                    assertThat(page.comments()).hasSize(4);
                });
        assertThat(export.posts())
                .filteredOn(p -> p.title().equals("Page with comments disabled"))
                .singleElement()
                .satisfies(page -> assertThat(page.commentsOpen()).isFalse());
    }

    @Test
    void an_attachment_points_to_its_file_and_to_the_post_it_belongs_to() throws IOException {
        var export = parse("wxr-flat-attachment-same-site.xml");

        assertThat(export.attachments())
                .containsExactly(new WxrAttachment(
                        611, "canola2", "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg", 555));
        assertThat(export.posts()).extracting(WxrPost::wpId).containsExactly(555L);
    }

    @Test
    void a_skipped_item_is_named_with_its_type_title_and_id() {
        var export = WxrParser.parse(xml("""
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <item><title>Home</title><wp:post_id>12</wp:post_id><wp:post_type>nav_menu_item</wp:post_type></item>
                </channel></rss>
                """));

        assertThat(export.skipped()).containsExactly(new WxrSkipped("nav_menu_item", "Home", 12));
        assertThat(export.posts()).isEmpty();
    }

    @Test
    void a_billion_laughs_is_refused_at_once_as_a_doctype() {
        var rejected = assertTimeoutPreemptively(
                Duration.ofSeconds(2), () -> rejection(() -> parse("hostile-billion-laughs.xml")));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.doctype");
        assertThat(rejected.status()).isEqualTo(422);
    }

    @Test
    void an_external_entity_is_refused_and_the_password_file_is_never_read() throws IOException {
        var rejected = assertTimeoutPreemptively(
                Duration.ofSeconds(2), () -> rejection(() -> parse("hostile-xxe-file-passwd.xml")));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.doctype");
        var everythingItSays =
                new StringBuilder(String.valueOf(rejected.getMessage())).append(Arrays.toString(rejected.arguments()));
        for (Throwable cause = rejected.getCause(); cause != null; cause = cause.getCause()) {
            everythingItSays.append(cause.getMessage());
        }
        assertThat(everythingItSays).doesNotContain("root:");
        var passwd = Path.of("/etc/passwd");
        if (Files.isReadable(passwd)) {
            var firstLine = Files.readAllLines(passwd).getFirst();
            assertThat(everythingItSays).doesNotContain(firstLine);
        }
    }

    @Test
    void an_entity_reference_without_a_doctype_is_refused_too() {
        var rejected = rejection(() -> WxrParser.parse(xml("""
                <rss><channel>
                <title>&xxe;</title>
                </channel></rss>
                """)));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.doctype");
    }

    @Test
    void a_post_with_a_hundred_thousand_escaped_characters_is_read_whole() {
        var content = "Fish &amp; chips &lt;3. ".repeat(50_000);

        var export = WxrParser.parse(xml("""
                <rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Rock &amp; roll &lt;3</title>
                <item><title>Bread &amp; roses</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>
                <content:encoded>%s</content:encoded></item>
                </channel></rss>
                """.formatted(content)));

        assertThat(export.siteTitle()).isEqualTo("Rock & roll <3");
        assertThat(post(export, 7).title()).isEqualTo("Bread & roses");
        assertThat(post(export, 7)
                        .content()
                        .strip()
                        .equals("Fish & chips <3. ".repeat(50_000).strip()))
                .as("100,000 escapes read back as the characters they stand for")
                .isTrue();
    }

    @Test
    void an_export_with_more_items_than_the_cap_is_refused_before_it_is_read_whole() {
        var items = new StringBuilder();
        for (int i = 1; i <= WxrParser.MAX_ITEMS + 1; i++) {
            items.append("<item><wp:post_id>").append(i).append("</wp:post_id></item>\n");
        }
        var rejected = rejection(() -> WxrParser.parse(
                xml("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>" + items + "</channel></rss>")));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.too-many-items");
        assertThat(rejected.arguments()).containsExactly(WxrParser.MAX_ITEMS);
    }

    @Test
    void comments_count_towards_the_cap() {
        var comments = "<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment>".repeat(3);

        var rejected = rejection(() -> WxrParser.parse(
                xml("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><wp:post_id>1</wp:post_id>"
                        + comments + "</item></channel></rss>"),
                WxrParser.DEFAULT_MAX_BYTES,
                3));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.too-many-items");
    }

    @Test
    void a_file_with_mismatched_tags_is_malformed_at_the_line_of_the_mistake() {
        var rejected = rejection(() -> parse("malformed.xml"));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.malformed");
        assertThat(rejected.arguments()).containsExactly(90);
    }

    @Test
    void a_truncated_file_is_malformed_at_its_end() {
        var rejected = rejection(() -> parse("malformed-simple.xml"));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.malformed");
        assertThat(rejected.arguments()).containsExactly(14);
    }

    @Test
    void an_empty_upload_is_malformed() {
        var rejected = rejection(() -> WxrParser.parse(InputStream.nullInputStream()));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.malformed");
        assertThat(rejected.arguments()).containsExactly(1);
    }

    @Test
    void well_formed_xml_that_is_not_an_rss_channel_is_not_an_export() {
        assertThat(rejection(() -> WxrParser.parse(xml("<html><body>hello</body></html>")))
                        .messageKey())
                .isEqualTo("import.wxr.not-wxr");
        assertThat(rejection(() -> WxrParser.parse(xml("<rss version=\"2.0\"><notachannel/></rss>")))
                        .messageKey())
                .isEqualTo("import.wxr.not-wxr");
    }

    @Test
    void an_upload_over_the_limit_is_refused_before_it_is_read_whole() throws IOException {
        var export = Files.readAllBytes(FIXTURES.resolve("small-export.xml"));

        var rejected = rejection(() -> WxrParser.parse(new ByteArrayInputStream(export), 4_096));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.too-large");
        assertThat(WxrParser.parse(new ByteArrayInputStream(export), export.length)
                        .posts())
                .hasSize(11);
    }

    @Test
    void an_endless_upload_stops_at_the_limit() {
        var opening = xml("<rss><channel><title>");
        var endless = new SequenceInputStream(opening, new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        });

        var rejected = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> rejection(() -> WxrParser.parse(endless, 1_000_000)));

        assertThat(rejected.messageKey()).isEqualTo("import.wxr.too-large");
    }

    static Stream<String> everyFixture() throws IOException {
        try (var files = Files.list(FIXTURES)) {
            var xml = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".xml"))
                    .sorted()
                    .toList();
            assertThat(xml).isNotEmpty();
            return xml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixture")
    void every_fixture_is_either_read_or_refused_with_a_reason(String fixture) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (var in = Files.newInputStream(FIXTURES.resolve(fixture))) {
                var export = WxrParser.parse(in);
                assertThat(export.posts()).doesNotContainNull();
            } catch (WxrRejected rejected) {
                assertThat(rejected.messageKey()).startsWith("import.wxr.");
            }
        });
    }

    private static WxrExport parse(String fixture) throws IOException {
        try (var in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            return WxrParser.parse(in);
        }
    }

    private static WxrPost post(WxrExport export, long wpId) {
        return export.posts().stream().filter(p -> p.wpId() == wpId).findFirst().orElseThrow();
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static WxrRejected rejection(ThrowingCallable attempt) {
        var rejected = catchThrowableOfType(WxrRejected.class, attempt);
        assertThat(rejected).as("rejected with WxrRejected").isNotNull();
        return rejected;
    }
}
