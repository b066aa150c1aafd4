package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Slogans and signature blocks keep their lines (decision 0019). */
@ChorusWebTest
class LineBreaksTest {

    static final String SLOGANS = "We stand together.\n\nFund the future!\nPay the debt!\n\nAmina Diallo\nChairperson";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void slogans_pasted_as_plain_lines_are_separate_lines_on_the_page_in_the_feed_and_in_the_api() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Slogans"), SLOGANS);

        var page = mvc.perform(get("/s/" + s.slug())).andReturn().getResponse().getContentAsString();
        var paragraphs = Html.select(page, ".statement-body p");
        assertThat(paragraphs.get(1).html()).matches("Fund the future!\\s*<br>\\s*Pay the debt!");
        assertThat(paragraphs.get(2).html()).matches("Amina Diallo\\s*<br>\\s*Chairperson");
        mvc.perform(get("/statements.atom").param("organization", org.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Fund the future!&lt;br /&gt;")));
        mvc.perform(get("/api/v1/statements/" + s.slug()))
                .andExpect(jsonPath("$.texts[0].html")
                        .value(Matchers.containsString("Fund the future!<br />\nPay the debt!")));
    }

    @Test
    void a_text_typed_in_a_browser_is_kept_with_plain_line_endings_and_the_api_returns_them() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var title = Fixtures.unique("Typed");
        var location = mvc.perform(post("/o/" + org.slug() + "/statements/new")
                        .with(user(owner))
                        .with(csrf())
                        .param("language", "en")
                        .param("title", title)
                        .param("body", "Fund the future!\r\nPay the debt!\r\n\r\nAmina Diallo\rChairperson")
                        .param("signatories", "Amina Diallo | Chairperson | " + org.name()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var slug = location.substring("/s/".length());

        var body = jdbc.sql("select t.body from statement_texts t join statements s on s.id = t.statement_id"
                        + " where s.slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .single();
        assertThat(body).isEqualTo("Fund the future!\nPay the debt!\n\nAmina Diallo\nChairperson");
        var revision = jdbc.sql("select r.body from statement_revisions r join statements s on s.id = r.statement_id"
                        + " where s.slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .list();
        assertThat(revision).allSatisfy(text -> assertThat(text).doesNotContain("\r"));
    }

    @Test
    void statements_stored_before_keep_their_lines_once_migrated_and_lose_their_carriage_returns() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Archive"), "placeholder");
        // as a browser sent it and the renderer of the time stored it: "\r\n", and the lines run together
        jdbc.sql("update statement_texts set body = :body, body_html = :html where statement_id = :id")
                .param("body", "Fund the future!\r\nPay the debt!\r\n\r\nAmina Diallo\r\nChairperson")
                .param("html", "<p>Fund the future!\nPay the debt!</p>\n<p>Amina Diallo\nChairperson</p>\n")
                .param("id", s.id().value())
                .update();
        assertThat(Html.first(
                                mvc.perform(get("/s/" + s.slug()))
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                ".statement-body")
                        .html())
                .doesNotContain("<br");

        jdbc.sql(new ClassPathResource("db/migration/statements/V1_181__statement_line_endings.sql")
                        .getContentAsString(StandardCharsets.UTF_8))
                .update();
        try (var connection = dataSource.getConnection()) {
            assertThat(RenderingTextsAgain.render(connection)).isPositive();
        }

        assertThat(jdbc.sql("select body from statement_texts where statement_id = :id")
                        .param("id", s.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("Fund the future!\nPay the debt!\n\nAmina Diallo\nChairperson");
        mvc.perform(get("/api/v1/statements/" + s.slug()))
                .andExpect(jsonPath("$.texts[0].markdown").value(Matchers.not(Matchers.containsString("\r"))))
                .andExpect(jsonPath("$.texts[0].html").value(Matchers.containsString("Amina Diallo<br />")));
        assertThat(jdbc.sql("select description from flyway_schema_history where version = '1.185'")
                        .query(String.class)
                        .list())
                .as("Flyway renders the texts again as a migration")
                .containsExactly("render statement texts with line breaks");
    }
}
