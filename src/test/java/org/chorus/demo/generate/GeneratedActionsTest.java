package org.chorus.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.actions.ActionFilter;
import org.chorus.actions.ModeratingActions;
import org.chorus.organizations.Actor;
import org.chorus.support.ClosingContexts;
import org.chorus.support.Html;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actions generator (issue 15) on an empty database of its own: it writes the league, then a published campaign
 * whose actions are in every country, in their cities' zones, inside the window, a twentieth waiting, and the
 * application shows them; a second run is refused. (On the generated archive: {@link
 * GeneratedDataIsWhatTheApplicationWritesTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = GeneratedDataIsWhatTheApplicationWritesTest.OwnDatabase.class)
@ExtendWith(ClosingContexts.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedActionsTest {

    static final int ACTIONS = 3_000;
    static final LocalDate TODAY = LocalDate.parse("2026-10-10");

    @Autowired
    GeneratingActions generating;

    @Autowired
    ModeratingActions moderating;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @TempDir
    static Path output;

    Map<String, Long> counts;

    @BeforeAll
    void generate() {
        assertThat(count("select count(*) from organizations")).isZero();
        counts = generating.generate(
                new GeneratingActions.Request(ACTIONS, 5, TODAY, output), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void an_empty_database_gets_the_league_and_a_published_campaign_with_actions_in_every_country() {
        assertThat(counts.get("actions")).isEqualTo(ACTIONS);
        assertThat(counts.get("pending")).isEqualTo(DaysOfAction.pending(ACTIONS));
        assertThat(counts.get("countries")).isGreaterThanOrEqualTo(190);
        assertThat(count("select count(*) from organizations where website = '" + Coalition.MARK + "'"))
                .isOne();
        assertThat(count("select count(*) from statements")).isZero();
        assertThat(count("""
                        select count(*) from campaigns c join organizations o on o.id = c.organization_id
                        where c.slug = 'generated-days-of-action' and c.status = 'PUBLISHED' and o.website = '%s'
                        """.formatted(Coalition.MARK))).isOne();
        assertThat(count("select count(*) from actions where status = 'REJECTED' and rejection_reason is not null"))
                .isEqualTo(DaysOfAction.rejected(ACTIONS));
        for (var some : new String[] {"flagship", "cancelled", "online_url is not null", "approximate"}) {
            assertThat(count("select count(*) from actions where " + some))
                    .as(some)
                    .isPositive();
        }
        // most waiting actions are from hosts new to the campaign, and every host can sign in
        assertThat(count("select count(*) from actions where status = 'PENDING' and new_host"))
                .isGreaterThan(DaysOfAction.pending(ACTIONS) / 2);
        assertThat(
                        count(
                                "select count(*) from actions a where not exists (select 1 from accounts h where h.id = a.host_id)"))
                .isZero();
        assertThat(Files.exists(output.resolve("actions-summary.txt"))).isTrue();
    }

    @Test
    void every_action_is_inside_the_window_in_its_own_zone_and_on_the_map_at_its_city() {
        // the day and the local times are those of the instant in the action's zone, as the application stores them
        assertThat(count("""
                        select count(*) from actions a join campaigns c on c.id = a.campaign_id
                        where a.day <> cast(a.starts_at at time zone a.time_zone as date)
                           or a.starts_local <> a.starts_at at time zone a.time_zone
                           or a.ends_local <> a.ends_at at time zone a.time_zone
                           or a.day not between c.starts_on and c.ends_on
                           or cast(a.ends_local as date) > c.ends_on
                        """)).isZero();
        // most on the two days of action
        assertThat(count("""
                        select count(*) from actions a join campaigns c on c.id = a.campaign_id
                        where a.day = any(c.days_of_action)
                        """)).isGreaterThan(ACTIONS / 2);
        // near its city, and at the city's centre when shown only by its city
        assertThat(count("""
                        select count(*) from actions where city_id is not null and (
                            abs(latitude - city_latitude) > 1 or abs(map_latitude - city_latitude) > 1
                            or approximate and (map_latitude <> city_latitude or map_longitude <> city_longitude))
                        """)).isZero();
        assertThat(count("select count(*) from actions where city_id is null and country <> ''"))
                .isZero();
    }

    @Test
    void the_campaign_its_list_map_action_pages_and_queue_show_the_generated_actions() throws Exception {
        var slug = DaysOfAction.SLUG;
        mvc.perform(get("/c/" + slug)).andExpect(status().isOk());
        var list = mvc.perform(get("/c/" + slug + "/actions"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Html.parse(list).select("a[href^=/actions/]")).isNotEmpty();
        var map = mvc.perform(get("/c/" + slug + "/actions.geojson").param("zoom", "2"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(map).contains("\"cluster\"");
        var approved = jdbc.sql("select id from actions where status = 'APPROVED' limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/actions/" + approved)).andExpect(status().isOk());
        var owner = jdbc.sql("""
                        select m.account_id from memberships m join campaigns c on c.organization_id = m.organization_id
                        where m.role = 'OWNER' limit 1
                        """).query(UUID.class).single();
        var queue = moderating.queue(new Actor(new AccountId(owner), false), slug, ActionFilter.NONE, null, "en");
        assertThat(queue.pending()).isEqualTo(DaysOfAction.pending(ACTIONS));
        assertThat(queue.waiting()).hasSize(ModeratingActions.QUEUE_SIZE);
    }

    @Test
    void a_second_run_is_refused_and_changes_nothing() {
        assertThatThrownBy(() -> generating.generate(
                        new GeneratingActions.Request(10, 5, TODAY, output),
                        new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(GeneratingData.Refused.class)
                .hasMessageContaining("already holds generated actions");
        assertThat(count("select count(*) from actions")).isEqualTo(ACTIONS);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
