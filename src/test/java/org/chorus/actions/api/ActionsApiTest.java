package org.chorus.actions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.web.PublicPageCache;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.QueryCounter;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Anyone reads a campaign's public actions through the API, and never more of a place than its page shows. */
@ChorusWebTest
class ActionsApiTest {

    static final long TORONTO = 6167865;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    Clock clock;

    @Autowired
    PublicPageCache cache;

    record Campaign(String slug, Actor owner) {}

    Campaign campaign() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        return new Campaign(actions.campaign(Actor.of(owner), coalition), Actor.of(owner));
    }

    /** Toronto on the campaign's 16th day, only the city public, the pin moved off the city's centre. */
    ActionForm torontoShownByCity(String title) {
        var day = LocalDate.now(clock).plusDays(16);
        return new ActionForm(
                "PROTEST",
                title,
                "Meet at the **steps**.",
                "",
                day + "T18:00",
                day + "T20:00",
                "",
                "",
                "The secret venue",
                "1 Hidden Street",
                Long.toString(TORONTO),
                "43.6532",
                "-79.3832",
                true,
                "Step-free entrance.");
    }

    @Test
    void a_client_asks_for_only_the_fields_it_needs_and_a_field_that_does_not_exist_is_named() throws Exception {
        var campaign = campaign();
        var paris = actions.registered(campaign.owner(), campaign.slug(), Fixtures.unique("Paris march"));

        mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()).param("fields", "id, startsAt"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(paris.id().toString()))
                .andExpect(jsonPath("$.items[0].startsAt").exists())
                .andExpect(jsonPath("$.items[0].title").doesNotExist())
                .andExpect(jsonPath("$.items[0].place").doesNotExist())
                .andExpect(jsonPath("$.nextCursor").hasJsonPath());
        mvc.perform(get("/api/v1/actions/" + paris.id()).param("fields", "title"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(paris.details().title()))
                .andExpect(jsonPath("$.id").doesNotExist());
        mvc.perform(get("/api/v1/actions/" + paris.id()).param("fields", "title,colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("colour")));
    }

    @Test
    void the_public_reads_approved_actions_and_only_the_city_of_one_shown_by_its_city() throws Exception {
        var campaign = campaign();
        var paris = actions.registered(campaign.owner(), campaign.slug(), Fixtures.unique("Paris march"));
        var toronto = hosting.register(campaign.owner(), campaign.slug(), torontoShownByCity(Fixtures.unique("Vigil")));
        var cancelled = actions.registered(campaign.owner(), campaign.slug(), Fixtures.unique("Called off"));
        hosting.cancel(campaign.owner(), cancelled.id());
        var pending = actions.registered(Actor.of(fixtures.person("host")), campaign.slug(), Fixtures.unique("Wait"));

        var all = mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.next").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).doesNotContain(pending.id().toString(), "The secret venue", "1 Hidden Street", "43.6532");
        assertThat(JsonPath.<java.util.List<String>>read(all, "$.items[*].id"))
                .containsExactlyInAnyOrder(
                        paris.id().toString(),
                        toronto.id().toString(),
                        cancelled.id().toString());
        assertThat(JsonPath.<java.util.List<Boolean>>read(
                        all, "$.items[?(@.id == '" + cancelled.id() + "')].cancelled"))
                .containsExactly(true);

        mvc.perform(get("/api/v1/actions/" + toronto.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaign").value(campaign.slug()))
                .andExpect(jsonPath("$.timeZone").value("America/Toronto"))
                .andExpect(jsonPath("$.startsAt").value(Matchers.containsString("T18:00:00-0")))
                .andExpect(jsonPath("$.place.city").value("Toronto"))
                .andExpect(jsonPath("$.place.country").value("CA"))
                .andExpect(jsonPath("$.place.approximate").value(true))
                .andExpect(jsonPath("$.place.latitude")
                        .value(toronto.details().place().cityLatitude()))
                .andExpect(jsonPath("$.place.longitude")
                        .value(toronto.details().place().cityLongitude()))
                .andExpect(jsonPath("$.place.venue").doesNotExist())
                .andExpect(jsonPath("$.place.address").doesNotExist())
                .andExpect(jsonPath("$.descriptionHtml").value(Matchers.containsString("<strong>steps</strong>")))
                .andExpect(jsonPath("$.accessibility").value("Step-free entrance."));
        mvc.perform(get("/api/v1/actions/" + paris.id()))
                .andExpect(jsonPath("$.place.venue").value("Place de la République"))
                .andExpect(jsonPath("$.place.approximate").value(false));
        mvc.perform(get("/api/v1/actions/" + pending.id()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void filters_and_a_box_narrow_the_list_and_a_cursor_pages_through_it() throws Exception {
        var campaign = campaign();
        var paris = actions.registered(campaign.owner(), campaign.slug(), Fixtures.unique("Paris"));
        var toronto = hosting.register(campaign.owner(), campaign.slug(), torontoShownByCity(Fixtures.unique("T")));
        var day16 = LocalDate.now(clock).plusDays(16).toString();

        mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()).param("country", "ca"))
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(toronto.id().toString())));
        mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()).param("day", day16))
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(toronto.id().toString())));
        mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()).param("kind", "online"))
                .andExpect(jsonPath("$.items.length()").value(0));
        // Europe, then a box across the antimeridian from Japan to the Americas that holds Toronto's centre
        mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()).param("bbox", "-10,35,30,60"))
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(paris.id().toString())));
        mvc.perform(get("/api/v1/actions").param("campaign", campaign.slug()).param("bbox", "140,20,-70,60"))
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(toronto.id().toString())));

        // the list's order: by day, so Paris (day 15) comes first
        var first = mvc.perform(get("/api/v1/actions")
                        .param("campaign", campaign.slug())
                        .param("limit", "1"))
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(paris.id().toString())))
                .andExpect(header().string("Link", Matchers.startsWith("</api/v1/actions?campaign=")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String next = JsonPath.read(first, "$.next");
        assertThat(next).contains("limit=1").contains("cursor=" + JsonPath.<String>read(first, "$.nextCursor"));
        mvc.perform(get(java.net.URI.create(next)))
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(toronto.id().toString())))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void bad_parameters_are_a_problem_saying_which_never_a_500() throws Exception {
        var campaign = campaign();
        for (var bad : new String[][] {
            {"bbox", "1,2,3", "The map area must be four numbers"},
            {"bbox", "0,80,10,20", "south edge"},
            {"day", "12 October", "A day is a date"},
            {"kind", "picnic", "This kind of action does not exist."},
            {"country", "France", "two-letter code"},
            {"cursor", "not-a-cursor", "not valid"},
            {"limit", "500", "1 to 200"},
            {"limit", "many", "1 to 200"}
        }) {
            mvc.perform(get("/api/v1/actions")
                            .param("campaign", campaign.slug())
                            .param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString(bad[2])));
        }
        mvc.perform(get("/api/v1/actions"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.campaign-required"));
        mvc.perform(get("/api/v1/actions").param("campaign", "no-such-campaign"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/actions/not-an-id")).andExpect(status().isNotFound());
    }

    /** A campaign of the organization with {@code count} actions it hosts, in Paris and in Toronto. */
    record Hosted(String organization, String campaign) {}

    Hosted hosting(int count) {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        for (int i = 0; i < count; i++) {
            var form = i % 2 == 0 ? actions.form(Fixtures.unique("Paris")) : torontoShownByCity(Fixtures.unique("T"));
            hosting.register(Actor.of(owner), slug, ActionFixtures.hostedBy(form, coalition.slug()));
        }
        return new Hosted(coalition.slug(), slug);
    }

    @Test
    void a_page_of_the_api_and_an_organizations_calendar_cost_the_same_for_two_actions_or_many() throws Exception {
        var small = hosting(2);
        var big = hosting(24);
        java.util.function.Function<Hosted, List<String>> paths = h -> List.of(
                "/api/v1/actions?campaign=" + h.campaign(),
                "/api/v1/actions?campaign=" + h.campaign() + "&bbox=-180,-90,180,90&limit=200",
                "/api/v1/campaigns/" + h.campaign(),
                "/api/v1/campaigns?organization=" + h.organization(),
                "/o/" + h.organization() + "/actions.ics",
                "/o/" + h.organization());
        for (int i = 0; i < paths.apply(small).size(); i++) {
            var bigPath = paths.apply(big).get(i);
            assertThat(QueryCounter.rendering(mvc, cache, bigPath))
                    .as(() -> bigPath + " runs more queries with more actions:\n" + QueryCounter.statements())
                    .isEqualTo(QueryCounter.rendering(
                            mvc, cache, paths.apply(small).get(i)));
        }
    }

    @Test
    void the_openapi_description_documents_the_endpoints_their_parameters_and_schemas() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/actions/{id}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{slug}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/actions'].get.parameters[*].name")
                        .value(Matchers.containsInAnyOrder(
                                "campaign", "country", "kind", "day", "bbox", "cursor", "limit", "fields")))
                .andExpect(jsonPath("$.paths['/api/v1/actions'].get.parameters[?(@.name == 'campaign')].required")
                        .value(Matchers.contains(true)))
                .andExpect(jsonPath("$.paths['/api/v1/actions'].get.parameters[?(@.name == 'bbox')].description")
                        .value(Matchers.contains(Matchers.startsWith("west,south,east,north"))))
                .andExpect(jsonPath("$.components.schemas.Place.properties.approximate.description")
                        .value(Matchers.containsString("venue and address are then null")))
                .andExpect(jsonPath("$.components.schemas.CampaignDetail.properties.daysOfAction")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns'].get.parameters[*].name")
                        .value(Matchers.containsInAnyOrder("organization", "language", "cursor")))
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{slug}/actions'].post['x-required-scope']")
                        .value("write:actions"))
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{slug}/actions'].post.security[0].token[0]")
                        .value("write:actions"))
                .andExpect(jsonPath("$.paths['/api/v1/actions/{id}'].patch").exists())
                .andExpect(jsonPath("$.components.schemas.NewAction.properties.city.description")
                        .value(Matchers.containsString("GeoNames")))
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", "/api/v1/openapi.json"));
        mvc.perform(get("/api/v1/openapi.json.yaml")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/openapi.yaml"))
                .andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", "/api/v1/openapi.json.yaml"));
    }
}
