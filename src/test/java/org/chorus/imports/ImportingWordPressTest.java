package org.chorus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        assertThat(first.skipped())
                .anySatisfy(line -> assertThat(line).contains("Private Post").contains("private"));
        assertThat(first.skipped())
                .anySatisfy(line -> assertThat(line).contains("Sample Page").contains("only posts"));

        ImportReport second;
        try (var in = Files.newInputStream(WXR.resolve("small-export.xml"))) {
            second = importing.importExport(owner, org.id(), in, "en");
        }
        assertThat(second.created()).isZero();
        assertThat(second.alreadyImported()).isEqualTo(first.created());

        mvc.perform(get("/statements").param("organization", org.slug()))
                .andExpect(content().string(Matchers.containsString(first.published() + " statements")))
                .andExpect(content().string(Matchers.containsString("Hello world!")))
                .andExpect(Html.has("time[datetime='2011-01-18T07:40:14Z']"));
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
        assertThat(report.skipped()).anySatisfy(line -> assertThat(line).contains("statement.language.invalid"));
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
        mvc.perform(multipart("/o/" + org.slug() + "/import")
                        .file(new MockMultipartFile(
                                "file",
                                "wxr-simple.xml",
                                "text/xml",
                                Files.readAllBytes(WXR.resolve("wxr-simple.xml"))))
                        .param("language", "en")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("role=\"status\"")));
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
