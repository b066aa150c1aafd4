package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ModeratingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organizers' queue of a campaign's actions when many wait (issue 15, item 6): a page at a time by cursor, the
 * count, the new-host filter kept through a bulk approval of the page, a rejection from the row, and the keys' help.
 */
@ChorusWebTest
class ModerationQueueTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    ModeratingActions moderating;

    @Autowired
    JdbcClient jdbc;

    record Campaign(String slug, ChorusUser owner) {}

    Campaign campaign() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        return new Campaign(actions.campaign(Actor.of(owner), coalition), owner);
    }

    List<String> waiting(Campaign campaign, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var host = Actor.of(fixtures.person("host"));
            ids.add(actions.registered(host, campaign.slug(), Fixtures.unique("Waiting"))
                    .id()
                    .toString());
        }
        return ids;
    }

    Document page(Campaign campaign, String path) throws Exception {
        return Html.parse(mvc.perform(get(path).with(user(campaign.owner())))
                .andExpect(status().isOk())
                .andReturn());
    }

    String statusOf(String id) {
        return jdbc.sql("select status from actions where id = cast(:id as uuid)")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void a_long_queue_is_read_a_page_at_a_time_by_its_next_link_oldest_first_each_action_once() throws Exception {
        var campaign = campaign();
        var ids = waiting(campaign, ModeratingActions.QUEUE_SIZE + 3);
        var first = page(campaign, "/c/" + campaign.slug() + "/manage/actions");
        assertThat(first.select("[role=status]").text()).contains(ids.size() + " actions are waiting");
        var shown = first.select("input[name=action]").eachAttr("value");
        assertThat(shown).hasSize(ModeratingActions.QUEUE_SIZE).isEqualTo(ids.subList(0, ModeratingActions.QUEUE_SIZE));
        var next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("after=");

        var second = page(campaign, next);
        var rest = second.select("input[name=action]").eachAttr("value");
        assertThat(rest).containsExactlyElementsOf(ids.subList(ModeratingActions.QUEUE_SIZE, ids.size()));
        assertThat(new HashSet<>(shown)).doesNotContainAnyElementsOf(rest);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("nav.pagination a").attr("href"))
                .isEqualTo("/c/" + campaign.slug() + "/manage/actions");

        mvc.perform(get("/c/" + campaign.slug() + "/manage/actions")
                        .param("after", "not-a-cursor")
                        .with(user(campaign.owner())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_new_host_filter_counts_what_it_keeps_and_approving_its_whole_page_keeps_the_filter() throws Exception {
        var campaign = campaign();
        // a host whose action was approved is no longer new: their next one waits without the tag
        var known = Actor.of(fixtures.person("known"));
        var approvedFirst = actions.registered(known, campaign.slug(), Fixtures.unique("First"));
        moderating.approve(Actor.of(campaign.owner()), campaign.slug(), List.of(approvedFirst.id()));
        var again = actions.registered(known, campaign.slug(), Fixtures.unique("Again"))
                .id()
                .toString();
        var fresh = waiting(campaign, 3);

        var filtered = page(campaign, "/c/" + campaign.slug() + "/manage/actions?newHosts=true");
        assertThat(filtered.select("[role=status]").text())
                .contains("4 actions are waiting", "3 of them match these filters");
        assertThat(filtered.select("input[name=shown]").eachAttr("value")).containsExactlyElementsOf(fresh);

        var form = post("/c/" + campaign.slug() + "/manage/actions/approve")
                .with(user(campaign.owner()))
                .with(csrf())
                .param("newHosts", "true")
                .param("page", "all");
        for (var id : filtered.select("input[name=shown]").eachAttr("value")) {
            form.param("shown", id);
        }
        mvc.perform(form).andExpect(redirectedUrl("/c/" + campaign.slug() + "/manage/actions?newHosts=true"));
        assertThat(fresh).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("APPROVED"));
        assertThat(statusOf(again)).isEqualTo("PENDING");
    }

    @Test
    void each_row_rejects_its_action_with_a_reason_and_the_keys_are_explained() throws Exception {
        var campaign = campaign();
        var id = waiting(campaign, 1).getFirst();
        var queue = page(campaign, "/c/" + campaign.slug() + "/manage/actions");
        // the reason belongs to the row's own form, outside the approval form, so both work without a script
        var reason = queue.select("textarea#reason-" + id);
        assertThat(reason.attr("form")).isEqualTo("reject-" + id);
        assertThat(queue.select("form#reject-" + id).attr("action")).isEqualTo("/actions/" + id + "/reject");
        assertThat(queue.select("label[for=reason-" + id + "]")).isNotEmpty();
        assertThat(queue.select("#queue-keys").text()).contains("j and k", "x ticks", "a approves", "r rejects");
        assertThat(queue.select("script[src^=/js/moderation-queue.js]")).isNotEmpty();

        mvc.perform(post("/actions/" + id + "/reject")
                        .with(user(campaign.owner()))
                        .with(csrf())
                        .param("reason", "Not part of this campaign."))
                .andExpect(redirectedUrl("/c/" + campaign.slug() + "/manage/actions"));
        assertThat(statusOf(id)).isEqualTo("REJECTED");
    }

    @Test
    void more_actions_than_a_page_at_once_are_refused_and_others_do_not_see_the_queue() throws Exception {
        var campaign = campaign();
        var form = post("/c/" + campaign.slug() + "/manage/actions/approve")
                .with(user(campaign.owner()))
                .with(csrf())
                .param("page", "all");
        for (int i = 0; i <= ModeratingActions.QUEUE_SIZE; i++) {
            form.param("shown", java.util.UUID.randomUUID().toString());
        }
        mvc.perform(form).andExpect(status().isBadRequest());
        mvc.perform(get("/c/" + campaign.slug() + "/manage/actions").with(user(fixtures.person("stranger"))))
                .andExpect(status().isForbidden());
    }
}
