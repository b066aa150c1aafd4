package org.chorus.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.chorus.accounts.ChorusUser;
import org.chorus.notifications.Frequency;
import org.chorus.notifications.NotificationSettings;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Signed-in people see how many tasks wait for them in every page's header, find them under "Your tasks" from the
 * account page, choose how they hear of steps there; the writer reads the reviewer's comment on the edit page.
 */
@ChorusWebTest
class TasksPagesTest {

    static final Cookie SESSION = new Cookie("chorus_session", "signed-in");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    NotificationSettings settings;

    Organization organization;
    ChorusUser owner;
    ChorusUser writer;
    Statement statement;

    @BeforeEach
    void a_writer_submitted_a_statement_for_review() {
        organization = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        writer = fixtures.person("writer");
        fixtures.grant(organization, writer, Role.EDITOR);
        var draft = statements.draft(
                Actor.of(writer), organization, "en", Fixtures.unique("Rivers belong to everyone"), "Text.");
        statement = reviewing.submit(Actor.of(writer), draft.id());
    }

    @Test
    void the_header_counts_the_open_tasks_and_the_tasks_page_links_to_the_statement() throws Exception {
        eventually("the review task is open")
                .until(() -> Html.select(page(as(owner, "/statements")), "header .task-count")
                        .text()
                        .equals("1 waiting"));
        var tasks = page(as(owner, "/account/tasks"));
        assertThat(Html.select(tasks, "#tasks li a").attr("href")).isEqualTo("/s/" + statement.slug());
        assertThat(Html.select(tasks, "#tasks li a").text()).contains("waits for review in " + organization.name());
        assertThat(Html.select(page(as(writer, "/statements")), "header .task-count"))
                .as("nothing waits for the writer")
                .isEmpty();
        assertThat(Html.select(page(as(writer, "/statements")), "header a[href='/account/tasks']"))
                .isNotEmpty();

        reviewing.approve(Actor.of(owner), statement.id(), null);

        eventually("the task closes once the statement is published")
                .until(() -> Html.select(page(as(owner, "/statements")), "header .task-count")
                        .isEmpty());
        assertThat(Html.select(page(as(owner, "/account/tasks")), "#no-tasks")).isNotEmpty();
    }

    @Test
    void the_account_page_has_the_notification_settings_and_saving_a_choice_keeps_it() throws Exception {
        var account = page(as(writer, "/account"));
        assertThat(Html.select(account, "#notifications-h")).isNotEmpty();
        assertThat(Html.select(account, "a[href='/account/tasks']")).isNotEmpty();
        assertThat(Html.select(account, "input[name=frequency][value=EACH][checked]"))
                .isNotEmpty();

        mvc.perform(post("/account/notifications")
                        .param("frequency", "DAILY")
                        .with(user(writer))
                        .with(csrf())
                        .cookie(SESSION))
                .andExpect(status().is3xxRedirection());

        assertThat(settings.frequency(Actor.of(writer))).isEqualTo(Frequency.DAILY);
        assertThat(Html.select(page(as(writer, "/account")), "input[name=frequency][value=DAILY][checked]"))
                .isNotEmpty();
        var refused = mvc.perform(post("/account/notifications")
                        .param("frequency", "hourly")
                        .with(user(writer))
                        .with(csrf())
                        .cookie(SESSION))
                .andExpect(status().is4xxClientError())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Choose one of the ways offered.");
        assertThat(settings.frequency(Actor.of(writer))).isEqualTo(Frequency.DAILY);
    }

    @Test
    void the_writer_reads_the_reviewers_comment_on_the_edit_page_of_a_statement_sent_back() throws Exception {
        reviewing.sendBack(Actor.of(owner), statement.id(), "Please cite the 2023 report.\nAnd shorten the title.");

        var edit = page(as(writer, "/s/" + statement.slug() + "/edit"));

        assertThat(Html.select(edit, "#review-comment").text())
                .contains("Sent back by the reviewers")
                .contains("Please cite the 2023 report.")
                .contains("And shorten the title.");
    }

    private MockHttpServletRequestBuilder as(ChorusUser person, String path) {
        return get(path).with(user(person)).cookie(SESSION);
    }

    private String page(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
