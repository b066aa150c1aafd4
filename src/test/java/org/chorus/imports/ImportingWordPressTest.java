package org.chorus.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.PermissionDenied;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@ChorusWebTest
class ImportingWordPressTest {

    static final Path WXR = Path.of("../shared/fixtures/wxr");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ImportingWordPress importing;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.chorus.comments.ModeratingComments moderating;

    @Test
    void published_posts_become_published_statements_with_their_dates_and_a_second_import_adds_nothing()
            throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        ImportReport first;
        try (var in = Files.newInputStream(WXR.resolve("small-export.xml"))) {
            first = importing.importExport(owner, org.id(), in, "en");
        }
        assertThat(first.published()).isGreaterThanOrEqualTo(3);
        assertThat(first.comments()).isEqualTo(1);
        assertThat(first.skipped()).anySatisfy(line -> {
            assertThat(line.title()).isEqualTo("Private Post");
            assertThat(line.reason()).isEqualTo("import.skipped.status");
            assertThat(line.arguments()).containsExactly("private");
        });
        assertThat(first.skipped()).noneSatisfy(line -> assertThat(line.title()).isEqualTo("Sample Page"));

        ImportReport second;
        try (var in = Files.newInputStream(WXR.resolve("small-export.xml"))) {
            second = importing.importExport(owner, org.id(), in, "en");
        }
        assertThat(second.created()).isZero();
        assertThat(second.alreadyImported()).isEqualTo(first.created());

        mvc.perform(get("/statements").param("organization", org.slug()))
                .andExpect(content().string(Matchers.containsString(first.published() + " statements")))
                .andExpect(content().string(Matchers.containsString("Hello world!")))
                .andExpect(Html.has("time[datetime='2011-01-18']"));
        var hello = Html.parse(mvc.perform(get("/statements").param("organization", org.slug()))
                        .andReturn())
                .select("a[href^=/s/hello-world]")
                .attr("href");
        mvc.perform(get(hello + "/comments"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mr WordPress")))
                .andExpect(content().string(Matchers.containsString("Hi, this is a comment.")));
    }

    @Test
    void comments_keep_their_moderation_status_and_threads_and_trash_stays_behind() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        ImportReport report;
        try (var in = Files.newInputStream(WXR.resolve("theme-unit-test-data.xml"))) {
            report = importing.importExport(owner, org.id(), in, "en");
        }
        assertThat(report.comments()).isPositive();
        var statuses = jdbc.sql("select status, count(*) from comments where organization_id = :org group by status")
                .param("org", org.id().value())
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
        assertThat(statuses).extracting(java.util.Map.Entry::getKey).contains("APPROVED");
        var deepReplies = jdbc.sql(
                        "select count(*) from comments c join comments p on c.parent_id = p.id where p.parent_id is not null")
                .query(Integer.class)
                .single();
        assertThat(deepReplies).as("threads are one level deep").isZero();
        var imported = jdbc.sql("select id from comments where organization_id = :org limit 1")
                .param("org", org.id().value())
                .query(java.util.UUID.class)
                .single();
        assertThatThrownBy(() -> moderating.banAuthor(owner, new org.chorus.comments.CommentId(imported)))
                .as("an imported comment has no account to ban")
                .isInstanceOf(org.chorus.shared.DomainException.class);
    }

    @Test
    void posts_that_break_a_rule_are_skipped_with_the_reason_and_the_rest_is_imported() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        ImportReport report;
        try (var in = Files.newInputStream(WXR.resolve("small-export.xml"))) {
            report = importing.importExport(owner, org.id(), in, "english");
        }
        assertThat(report.created()).isZero();
        assertThat(report.skipped())
                .anySatisfy(line -> assertThat(line.reason()).isEqualTo("statement.language.invalid"));
    }

    @Test
    void the_reasons_for_skipping_are_shown_in_the_readers_language_and_never_as_message_keys() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var page = follow(
                owner,
                upload(owner, org, "small-export.xml", Files.readAllBytes(WXR.resolve("small-export.xml")), "klingon")
                        .header("Accept-Language", "fr"),
                "fr");

        assertThat(Html.select(page, "details li").eachText())
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("Page « Sample Page » (id 2) : Saisissez un code de langue à deux lettres, comme en,"
                                + " fr, es ou ar."))
                .noneSatisfy(line -> assertThat(line).containsPattern("\\b[a-z]+\\.[a-z-]+\\.[a-z.-]+\\b"));
    }

    @Test
    void a_wordpress_page_becomes_a_statement_with_its_comments_which_stay_open_where_they_were_open()
            throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        ImportReport report;
        try (var in = Files.newInputStream(WXR.resolve("theme-unit-test-data.xml"))) {
            report = importing.importExport(owner, org.id(), in, "en");
        }

        assertThat(report.skipped())
                .filteredOn(line -> line.kind().equals("page"))
                .allSatisfy(line -> assertThat(line.reason()).isEqualTo("import.skipped.empty"));
        var pages = jdbc.sql("""
                        select t.title, s.slug, s.comments_enabled,
                               (select count(*) from comments c where c.statement_id = s.id) as comments
                        from statements s join statement_texts t on t.statement_id = s.id
                        where s.issuer_id = :org and t.title like 'Page with comments%'
                        order by t.title
                        """)
                .param("org", org.id().value())
                .query((rs, i) -> java.util.List.of(
                        rs.getString("title"),
                        rs.getString("slug"),
                        rs.getBoolean("comments_enabled"),
                        rs.getInt("comments")))
                .list();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0))
                .containsExactly("Page with comments", pages.get(0).get(1), true, 4);
        assertThat(pages.get(1))
                .containsExactly("Page with comments disabled", pages.get(1).get(1), false, 0);
        mvc.perform(get("/s/" + pages.get(0).get(1) + "/comments"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Contributor comment.")));
    }

    @Test
    void block_editor_html_becomes_markdown_in_the_editor_and_comments_keep_their_line_breaks() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var export = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Debt league</title><link>https://debt.example</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                <item><title>Our call</title><dc:creator>admin</dc:creator><wp:post_id>7</wp:post_id>
                <wp:post_date_gmt>2023-10-20 10:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>
                <wp:status>publish</wp:status><wp:post_type>page</wp:post_type>
                <content:encoded><![CDATA[<!-- wp:paragraph -->
                <p>We call for <strong>debt relief</strong>.</p>
                <!-- /wp:paragraph -->

                <!-- wp:paragraph -->
                <p>Fund the future!<br>Pay the debt!</p>
                <!-- /wp:paragraph -->]]></content:encoded>
                <wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Lou</wp:comment_author>
                <wp:comment_date_gmt>2023-10-21 09:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Count us in!
                See you on Friday.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                <wp:comment_parent>0</wp:comment_parent></wp:comment>
                </item>
                </channel></rss>
                """;
        follow(owner, upload(owner, org, "call.xml", export.getBytes(UTF_8), "en"), "en");

        var slug = jdbc.sql("select slug from statements where issuer_id = :org")
                .param("org", org.id().value())
                .query(String.class)
                .single();
        var editor = mvc.perform(get("/s/" + slug + "/edit").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Html.first(editor, "textarea#body").wholeText())
                .isEqualTo("We call for **debt relief**.\n\nFund the future!\nPay the debt!");
        var comment = jdbc.sql("select c.body from comments c join statements s on s.id = c.statement_id"
                        + " where s.slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .single();
        assertThat(comment).isEqualTo("Count us in!\nSee you on Friday.");
        mvc.perform(get("/s/" + slug + "/comments"))
                .andExpect(Html.has(".comment-body br"))
                .andExpect(content().string(Matchers.containsString("Count us in!")));
    }

    @Test
    void every_line_of_the_report_names_the_item_in_the_readers_language() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var page = follow(
                owner,
                upload(owner, org, "small-export.xml", Files.readAllBytes(WXR.resolve("small-export.xml")), "en")
                        .header("Accept-Language", "es"),
                "es");

        assertThat(Html.select(page, "details li").eachText())
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).startsWith("Entrada «Private Post» (id "))
                .allSatisfy(line -> assertThat(line)
                        .doesNotContainPattern("^(post|page|comment) ")
                        .doesNotContain("'")
                        .doesNotContain("(untitled)"));
    }

    @Test
    void a_site_with_thousands_of_escaped_ampersands_imports_while_its_page_shows_how_far_it_has_gone()
            throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        int posts = 50;
        var export = generatedExport(posts, 100);
        assertThat(count(export, "&amp;")).isGreaterThanOrEqualTo(5_000);

        String progressPage;
        // an import waits while another transaction holds its table: its page is seen mid-way
        try (var blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table imported_items in exclusive mode");
            progressPage = mvc.perform(upload(owner, org, "ampersands.xml", export.getBytes(UTF_8), "en"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            var running = mvc.perform(get(progressPage).with(user(owner)))
                    .andExpect(status().isOk())
                    .andExpect(Html.has("meta[http-equiv=refresh]"))
                    .andExpect(Html.has("progress[max=" + posts + "]"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Html.first(running, "#import-progress").text()).matches("\\d+ of 50 items imported.*");
            blocker.rollback();
        }

        var done = follow(owner, progressPage, "en");
        assertThat(done).contains("50 published statements");
        assertThat(Html.select(done, "meta[http-equiv=refresh]")).isEmpty();
        mvc.perform(get("/statements").param("organization", org.slug()))
                .andExpect(content().string(Matchers.containsString("Bread &amp; roses 7")));
    }

    @Test
    void an_export_over_the_cap_is_refused_with_a_clear_message_and_nothing_is_imported() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var items = new StringBuilder("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>");
        for (int i = 1; i <= WxrParser.MAX_ITEMS + 1; i++) {
            items.append("<item><wp:post_id>").append(i).append("</wp:post_id></item>");
        }
        items.append("</channel></rss>");

        mvc.perform(upload(owner, org, "huge.xml", items.toString().getBytes(UTF_8), "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#file-error"))
                .andExpect(content().string(Matchers.containsString("more than 50,000 items")));
        assertThat(jdbc.sql("select count(*) from wordpress_imports where organization_id = :org")
                        .param("org", org.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void an_import_of_another_organization_is_not_found_and_others_may_not_follow_it() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var progressPage = mvc.perform(
                        upload(owner, org, "empty.xml", generatedExport(0, 0).getBytes(UTF_8), "en"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var other = fixtures.coalition();
        var otherOwner = fixtures.person("owner");
        fixtures.grant(other, otherOwner, Role.OWNER);
        var editor = fixtures.person("editor");
        fixtures.grant(org, editor, Role.EDITOR);

        mvc.perform(get(progressPage.replace(org.slug(), other.slug())).with(user(otherOwner)))
                .andExpect(status().isNotFound());
        mvc.perform(get(progressPage).with(user(editor))).andExpect(status().isForbidden());
    }

    private MockMultipartHttpServletRequestBuilder upload(
            org.chorus.accounts.ChorusUser owner,
            org.chorus.organizations.Organization org,
            String name,
            byte[] file,
            String language) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/o/" + org.slug() + "/import")
                .file(new MockMultipartFile("file", name, "text/xml", file))
                .param("language", language)
                .with(user(owner))
                .with(csrf());
    }

    /** Uploads, follows the redirect to the progress page and reloads it until the import is done. */
    private String follow(
            org.chorus.accounts.ChorusUser owner, MockMultipartHttpServletRequestBuilder upload, String language)
            throws Exception {
        var progressPage = mvc.perform(upload)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return follow(owner, progressPage, language);
    }

    private String follow(org.chorus.accounts.ChorusUser owner, String progressPage, String language) {
        var page = new String[1];
        eventually("the import is done").until(() -> {
            page[0] = mvc.perform(get(progressPage).with(user(owner)).header("Accept-Language", language))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return Html.select(page[0], "meta[http-equiv=refresh]").isEmpty();
        });
        return page[0];
    }

    /** A WordPress export of {@code posts} published posts, each with {@code escapes} escaped ampersands. */
    static String generatedExport(int posts, int escapes) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Bread &amp; roses</title><link>https://bread.example</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                """);
        for (int i = 1; i <= posts; i++) {
            xml.append("<item><title>Bread &amp; roses ")
                    .append(i)
                    .append("</title><dc:creator>admin</dc:creator><wp:post_id>")
                    .append(i)
                    .append("</wp:post_id><wp:post_date_gmt>2025-03-0")
                    .append(1 + i % 9)
                    .append(
                            " 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>")
                    .append("<content:encoded>")
                    .append("Fish &amp; chips, ".repeat(escapes))
                    .append("and &lt;em&gt;more&lt;/em&gt;.</content:encoded></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void hostile_and_malformed_exports_are_refused_with_a_clear_message_and_nothing_is_imported() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        for (var hostile : new String[] {"hostile-xxe-file-passwd.xml", "hostile-billion-laughs.xml"}) {
            mvc.perform(multipart("/o/" + org.slug() + "/import")
                            .file(new MockMultipartFile(
                                    "file", hostile, "text/xml", Files.readAllBytes(WXR.resolve(hostile))))
                            .param("language", "en")
                            .with(user(owner))
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(Html.has("#file-error"))
                    .andExpect(content().string(Matchers.containsString("DOCTYPE")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("root:x:0:0"))));
        }
        mvc.perform(multipart("/o/" + org.slug() + "/import")
                        .file(new MockMultipartFile(
                                "file", "malformed.xml", "text/xml", Files.readAllBytes(WXR.resolve("malformed.xml"))))
                        .param("language", "fr")
                        .header("Accept-Language", "fr")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("ligne")));
        mvc.perform(get("/statements").param("organization", org.slug()))
                .andExpect(content().string(Matchers.containsString("No statement matches.")));
    }

    @Test
    void an_upload_through_the_page_reports_what_was_imported() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var page = follow(
                owner,
                upload(owner, org, "wxr-simple.xml", Files.readAllBytes(WXR.resolve("wxr-simple.xml")), "en"),
                "en");
        assertThat(Html.select(page, "[role=status] h2").text()).startsWith("Import of");
    }

    @Test
    void only_publishers_import() throws Exception {
        var org = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(org, editor, Role.EDITOR);
        try (var in = Files.newInputStream(WXR.resolve("small-export.xml"))) {
            assertThatThrownBy(() -> importing.importExport(Actor.of(editor), org.id(), in, "en"))
                    .isInstanceOf(PermissionDenied.class);
        }
        mvc.perform(get("/o/" + org.slug() + "/import").with(user(editor))).andExpect(status().isForbidden());
    }
}
