package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.web.PublicPageCache;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages of a campaign's actions run the same number of SQL queries for one action and for many. */
@ChorusWebTest
class BoundedQueriesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    PublicPageCache cache;

    record Campaign(String slug, ChorusUser owner) {}

    /** A published campaign with {@code approved} actions of its organizer and {@code pending} ones of new hosts. */
    Campaign campaign(int approved, int pending) {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        for (int i = 0; i < approved; i++) {
            actions.registered(Actor.of(owner), slug, Fixtures.unique("Approved"));
        }
        for (int i = 0; i < pending; i++) {
            actions.registered(Actor.of(fixtures.person("host")), slug, Fixtures.unique("Pending"));
        }
        return new Campaign(slug, owner);
    }

    int queries(String path) throws Exception {
        return QueryCounter.rendering(mvc, cache, path);
    }

    int queriesAs(ChorusUser who, String path) throws Exception {
        mvc.perform(get(path).with(user(who))).andExpect(status().isOk());
        QueryCounter.reset();
        mvc.perform(get(path).with(user(who))).andExpect(status().isOk());
        return QueryCounter.count();
    }

    @Test
    void the_campaign_page_its_list_map_and_calendar_cost_the_same_for_one_action_or_many() throws Exception {
        // two actions at one place, as the many: a lone action on the map is one more query, whatever the data size
        var small = campaign(2, 0);
        var big = campaign(25, 0);
        for (var suffix :
                new String[] {"", "/actions", "/actions.geojson?zoom=2", "/actions.geojson?zoom=12", "/actions.ics"}) {
            assertThat(queries("/c/" + big.slug() + suffix))
                    .as(() -> suffix + " runs more queries with more actions:\n" + QueryCounter.statements())
                    .isEqualTo(queries("/c/" + small.slug() + suffix));
        }
    }

    @Test
    void the_moderation_queue_costs_the_same_for_one_waiting_action_or_many_hosts() throws Exception {
        var small = campaign(0, 1);
        var big = campaign(0, 20);
        var path = "/c/%s/manage/actions";
        assertThat(queriesAs(big.owner(), path.formatted(big.slug())))
                .as(() -> "the queue, its hosts' names, the count; not:\n" + QueryCounter.statements())
                .isEqualTo(queriesAs(small.owner(), path.formatted(small.slug())));
    }

    @Test
    void a_queue_longer_than_a_page_filtered_or_at_its_next_page_costs_what_a_queue_of_one_does() throws Exception {
        var small = campaign(0, 1);
        var big = campaign(0, org.chorus.actions.ModeratingActions.QUEUE_SIZE + 2);
        var queue = "/c/%s/manage/actions";
        var next = Html.parse(mvc.perform(get(queue.formatted(big.slug())).with(user(big.owner())))
                        .andExpect(status().isOk())
                        .andReturn())
                .select("a[rel=next]")
                .attr("href");
        assertThat(next).contains("after=");
        int one = queriesAs(small.owner(), queue.formatted(small.slug()) + "?newHosts=true&kind=PROTEST");
        assertThat(queriesAs(big.owner(), queue.formatted(big.slug()))).isEqualTo(one);
        assertThat(queriesAs(big.owner(), queue.formatted(big.slug()) + "?newHosts=true&kind=PROTEST"))
                .isEqualTo(one);
        assertThat(queriesAs(big.owner(), next))
                .as(() -> "the next page, its hosts' names, the counts; not:\n" + QueryCounter.statements())
                .isEqualTo(one);
    }
}
