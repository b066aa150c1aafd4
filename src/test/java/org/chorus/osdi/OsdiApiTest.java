package org.chorus.osdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.Action;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.rsvps.RsvpFixtures;
import org.chorus.signons.SignOnRows;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/**
 * OSDI under /api/osdi/v1: the entry point; a campaign's actions as events, page by page, in the shape of OSDI's
 * examples; OSDI's own requests (create an event, change it, RSVP someone with the record attendance helper) accepted
 * and carried out through the same use cases as the pages; RSVPs shown to the host and organizers only; statements
 * opened for sign-on as petitions, whose signatures and people show only those who agreed to be named.
 */
@ChorusWebTest
class OsdiApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    RsvpFixtures rsvps;

    @Autowired
    SignOnRows signOns;

    @Autowired
    ApiTokens tokens;

    @Autowired
    org.chorus.campaigns.WritingCampaigns campaigns;

    @Autowired
    Clock clock;

    Organization league;
    ChorusUser owner;
    String campaign;

    @BeforeEach
    void a_league_with_a_campaign() {
        league = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        campaign = actions.campaign(Actor.of(owner), league);
    }

    String bearer(ChorusUser person, String... scopes) {
        return "Bearer " + tokens.create(person.email(), "osdi", 30, List.of(scopes));
    }

    Action registered(String title, int day) {
        return hosting.register(
                Actor.of(owner),
                campaign,
                ActionFixtures.on(
                        ActionFixtures.form(LocalDate.now(clock), title),
                        LocalDate.now(clock).plusDays(day)));
    }

    @Test
    void the_entry_point_names_the_collections_in_hal() throws Exception {
        for (var path : List.of("/api/osdi/v1", "/api/osdi/v1/")) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/hal+json"))
                    .andExpect(jsonPath("$.osdi_version").value("1.1"))
                    .andExpect(jsonPath("$.max_pagesize").value(100))
                    .andExpect(jsonPath("$._links['osdi:events'].href").value(Matchers.endsWith("/api/osdi/v1/events")))
                    .andExpect(jsonPath("$._links['osdi:petitions'].href").value(Matchers.endsWith("/petitions")))
                    .andExpect(jsonPath("$._links.curies[0].name").value("osdi"));
        }
    }

    @Test
    void a_campaigns_actions_are_events_page_by_page_soonest_first_in_the_shape_of_osdis_examples() throws Exception {
        var later = registered("Later rally", 16);
        var sooner = registered("Sooner rally", 15);
        var cancelled = registered("Called off", 17);
        hosting.cancel(Actor.of(owner), cancelled.id());
        var path = "/api/osdi/v1/event_campaigns/" + campaign + "/events";

        var first = mvc.perform(get(path).param("per_page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_records").value(3))
                .andExpect(jsonPath("$.total_pages").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.per_page").value(2))
                .andExpect(jsonPath("$._embedded['osdi:events'][*].title")
                        .value(Matchers.contains("Sooner rally", "Later rally")))
                .andExpect(jsonPath("$._links['osdi:events'][0].href")
                        .value(Matchers.endsWith("/api/osdi/v1/events/" + sooner.id())))
                .andExpect(jsonPath("$._links.next.href").value(Matchers.endsWith(path + "?page=2&per_page=2")))
                .andExpect(jsonPath("$._links.prev").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var document = OsdiShapes.read(first);
        OsdiShapes.assertFits(document, OsdiShapes.example("events-01"), "collection");
        OsdiShapes.assertFits(
                document.get("_embedded").get("osdi:events").get(0), OsdiShapes.example("events-02"), "event");

        mvc.perform(get(path).param("per_page", "2").param("page", "2"))
                .andExpect(jsonPath("$._embedded['osdi:events'][0].title").value("Called off"))
                .andExpect(jsonPath("$._embedded['osdi:events'][0].status").value("cancelled"))
                .andExpect(jsonPath("$._links.next").doesNotExist())
                .andExpect(jsonPath("$._links.prev.href").value(Matchers.endsWith(path + "?per_page=2")));

        mvc.perform(get("/api/osdi/v1/events/" + later.id()))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.identifiers[0]").value("chorus:" + later.id()))
                .andExpect(jsonPath("$.status").value("confirmed"))
                .andExpect(jsonPath("$.start_date").value(Matchers.endsWith("Z")))
                .andExpect(jsonPath("$.location.venue").value("Place de la République"))
                .andExpect(jsonPath("$.location.locality").value("Paris"))
                .andExpect(jsonPath("$.location.country").value("FR"))
                .andExpect(jsonPath("$.location.location.accuracy").value("Rooftop"))
                .andExpect(jsonPath("$.browser_url").value(Matchers.endsWith("/actions/" + later.id())));

        assertThat(everyEvent()).as("every public campaign's events").contains("chorus:" + later.id());
    }

    /** The identifiers of every event of /api/osdi/v1/events, following its next links as OSDI clients do. */
    List<String> everyEvent() throws Exception {
        var found = new java.util.ArrayList<String>();
        var next = "/api/osdi/v1/events?per_page=100";
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("pages walked").isLessThan(1_000);
            var page = OsdiShapes.read(mvc.perform(get(java.net.URI.create(next)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            page.path("_embedded")
                    .path("osdi:events")
                    .forEach(e -> found.add(e.get("identifiers").get(0).asString()));
            var link = page.path("_links").path("next").path("href");
            next = link.isMissingNode() ? null : link.asString();
        }
        return found;
    }

    @Test
    void the_events_of_a_withdrawn_campaign_leave_the_list_of_all_events() throws Exception {
        var action = registered("Soon withdrawn", 15);
        campaigns.withdraw(Actor.of(owner), campaign, "Postponed.");

        var other = actions.campaign(Actor.of(owner), league);
        var kept = hosting.register(Actor.of(owner), other, ActionFixtures.form(LocalDate.now(clock), "Still on"));

        assertThat(everyEvent()).contains("chorus:" + kept.id()).doesNotContain("chorus:" + action.id());
        mvc.perform(get("/api/osdi/v1/event_campaigns/" + campaign + "/events")).andExpect(status().isNotFound());
    }

    @Test
    void osdis_own_requests_create_change_and_call_off_an_action_through_the_pages_use_cases() throws Exception {
        var token = bearer(owner, "read", "write:actions");
        var day = LocalDate.now(clock).plusDays(15);
        var request = (ObjectNode) OsdiShapes.example("events-03");
        request.put("start_date", day + "T16:00:00Z");
        request.put("end_date", day + "T18:00:00Z");

        var created = mvc.perform(post("/api/osdi/v1/event_campaigns/" + campaign + "/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request.toString())
                        .header("Authorization", token))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.containsString("/api/osdi/v1/events/")))
                .andExpect(jsonPath("$.title").value("Rally for Justice"))
                .andExpect(jsonPath("$.status").value("confirmed"))
                .andExpect(jsonPath("$.location.venue").value("Lafayette Square"))
                .andExpect(jsonPath("$.location.address_lines[0]").value("1564 H St NW, 20001"))
                .andExpect(jsonPath("$.location.locality").value(Matchers.startsWith("Washington")))
                .andExpect(jsonPath("$.location.country").value("US"))
                .andExpect(jsonPath("$['chorus:time_zone']").value("America/New_York"))
                .andExpect(jsonPath("$.start_date").value(day + "T16:00:00Z"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var document = OsdiShapes.read(created);
        OsdiShapes.assertFits(document, OsdiShapes.example("events-02"), "created event");
        var id = document.get("identifiers").get(0).asString().substring("chorus:".length());

        // the action page and the REST API show what OSDI made
        mvc.perform(get("/actions/" + id))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Rally for Justice")));
        mvc.perform(get("/api/v1/actions/" + id))
                .andExpect(jsonPath("$.place.city").value(Matchers.startsWith("Washington")));

        var change = (ObjectNode) OsdiShapes.example("events-05");
        change.put("start_date", day + "T17:00:00Z");
        change.put("end_date", day + "T19:00:00Z");
        mvc.perform(put("/api/osdi/v1/events/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.toString())
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("March 14th Rally"))
                .andExpect(jsonPath("$.start_date").value(day + "T17:00:00Z"))
                .andExpect(jsonPath("$.location.venue").value("Lafayette Square"));
        mvc.perform(put("/api/osdi/v1/events/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Stale\"}")
                        .header("If-Match", "\"v1\"")
                        .header("Authorization", token))
                .andExpect(status().isPreconditionFailed());

        mvc.perform(delete("/api/osdi/v1/events/" + id).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notice").value(Matchers.containsString("cancelled")));
        mvc.perform(get("/api/osdi/v1/events/" + id))
                .andExpect(jsonPath("$.status").value("cancelled"));
    }

    @Test
    void bad_osdi_input_gets_a_clear_error_in_the_callers_language() throws Exception {
        var token = bearer(owner, "read", "write:actions");
        var day = LocalDate.now(clock).plusDays(15);
        mvc.perform(get("/api/osdi/v1/events").param("per_page", "0").header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("1 à 100")));
        mvc.perform(get("/api/osdi/v1/events").param("page", "two")).andExpect(status().isBadRequest());
        var create = post("/api/osdi/v1/event_campaigns/" + campaign + "/events")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", token);
        mvc.perform(create.content("""
                        {"title": "Nowhere", "start_date": "%sT10:00:00Z", "end_date": "%sT11:00:00Z",
                         "location": {"locality": "Atlantis", "country": "FR"}}""".formatted(day, day)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.location").value(Matchers.containsString("Atlantis")));
        mvc.perform(post("/api/osdi/v1/event_campaigns/" + campaign + "/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"title\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("title")));
        mvc.perform(post("/api/osdi/v1/event_campaigns/" + campaign + "/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(owner, "read"))
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_record_attendance_helper_rsvps_someone_who_then_confirms_and_only_the_host_side_sees_attendances()
            throws Exception {
        var action = registered("Teach-in", 15);
        var email = Fixtures.uniqueEmail("osdi-guest");
        var request = (ObjectNode) OsdiShapes.example("record-attendance-01");
        ((ObjectNode) request.get("person").get("email_addresses").get(0)).put("address", email);
        var helper = "/api/osdi/v1/events/" + action.id() + "/record_attendance_helper";

        var recorded = mvc.perform(post(helper)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request.toString())
                        .header("Authorization", bearer(owner, "read", "write:rsvps")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("needs action"))
                .andExpect(jsonPath("$._embedded['osdi:person'].given_name").value("Labadie Marques Edwin"))
                .andExpect(jsonPath("$._embedded['osdi:person'].email_addresses[0].address")
                        .value(email))
                .andReturn()
                .getResponse()
                .getContentAsString();
        OsdiShapes.assertFits(OsdiShapes.read(recorded), OsdiShapes.example("attendances-03"), "attendance");
        OsdiShapes.assertFits(
                OsdiShapes.read(recorded).get("_embedded").get("osdi:person"),
                OsdiShapes.example("people-02"),
                "person");
        assertThat(TestMail.awaitOne(email).getSubject())
                .as("the person confirms it themselves")
                .isNotBlank();

        // someone of another organization cannot RSVP people to it, nor read who is coming
        var stranger = fixtures.person("stranger");
        mvc.perform(post(helper)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request.toString())
                        .header("Authorization", bearer(stranger, "read", "write:rsvps")))
                .andExpect(status().isNotFound());

        var going = Fixtures.uniqueEmail("osdi-going");
        rsvps.confirmed(action.id(), "Ada Going", going, 1);
        var attendances = "/api/osdi/v1/events/" + action.id() + "/attendances";
        var listed = mvc.perform(get(attendances).header("Authorization", bearer(owner, "read")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$._embedded['osdi:attendances'][*].status").value(Matchers.hasItem("accepted")))
                .andExpect(jsonPath("$._embedded['osdi:attendances'][*]._embedded['osdi:person'].given_name")
                        .value(Matchers.hasItem("Ada Going")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        OsdiShapes.assertFits(OsdiShapes.read(listed), OsdiShapes.example("attendances-01"), "attendances");
        mvc.perform(get(attendances).header("Authorization", bearer(stranger, "read")))
                .andExpect(status().isNotFound());
        // OSDI clients send their key in a header of their own
        mvc.perform(get(attendances)
                        .header("OSDI-API-Token", bearer(owner, "read").substring("Bearer ".length())))
                .andExpect(status().isOk());
        mvc.perform(get(attendances).header("OSDI-API-Token", "chorus_not-a-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(attendances)).andExpect(status().isUnauthorized());

        // the helper for someone already coming gives their RSVP back
        var again = (ObjectNode) OsdiShapes.example("record-attendance-05");
        ((ObjectNode) again.get("person").get("email_addresses").get(0)).put("address", going);
        mvc.perform(post(helper)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(again.toString())
                        .header("Authorization", bearer(owner, "read", "write:rsvps")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"))
                .andExpect(jsonPath("$['chorus:guests']").value(1));
        mvc.perform(post(helper)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\": {\"given_name\": \"No address\"}}")
                        .header("Authorization", bearer(owner, "read", "write:rsvps")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email").exists());
    }

    @Test
    void petitions_show_totals_and_signatures_only_of_people_who_agreed_to_be_named() throws Exception {
        var statement = signOns.opened(Fixtures.unique("Open letter on housing"));
        var signers = new org.chorus.signons.SignOnId[2];
        signOns.counted(() -> {
            signers[0] = signOns.person(statement.id(), "Grace Named", "Tenants union", "Organizer", "KE", true);
            signers[1] = signOns.person(statement.id(), "Hidden Person", "", "", "FR", false);
            signOns.organization(statement.id(), "Housing Now", "KE", "https://housing.example", "");
        });
        var named = signers[0];
        var unnamed = signers[1];
        var petition = "/api/osdi/v1/petitions/" + statement.slug();

        mvc.perform(get(petition))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identifiers[0]")
                        .value("chorus:" + statement.id().value()))
                .andExpect(jsonPath("$.browser_url").value(Matchers.endsWith("/s/" + statement.slug())))
                .andExpect(jsonPath("$.total_signatures").value(3))
                .andExpect(jsonPath("$['chorus:organizations']").value(1))
                .andExpect(jsonPath("$['chorus:people']").value(2))
                .andExpect(jsonPath("$._links['osdi:signatures'].href")
                        .value(Matchers.endsWith(petition + "/signatures")));
        mvc.perform(get("/api/osdi/v1/petitions").param("per_page", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$._embedded['osdi:petitions'][*].browser_url")
                        .value(Matchers.hasItem(Matchers.endsWith("/s/" + statement.slug()))));

        mvc.perform(get(petition + "/signatures"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$._embedded['osdi:signatures'][*]._embedded['osdi:person'].given_name")
                        .value(Matchers.contains("Grace Named")))
                .andExpect(jsonPath("$._embedded['osdi:signatures'][0]._embedded['osdi:person'].employer")
                        .value("Tenants union"));
        var person = mvc.perform(get("/api/osdi/v1/people/" + named.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.given_name").value("Grace Named"))
                .andExpect(jsonPath("$.postal_addresses[0].country").value("KE"))
                .andExpect(jsonPath("$.email_addresses").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        OsdiShapes.assertFits(OsdiShapes.read(person), OsdiShapes.example("people-02"), "person");
        mvc.perform(get("/api/osdi/v1/people/" + unnamed.value())).andExpect(status().isNotFound());
        mvc.perform(get(petition + "/signatures/" + unnamed.value())).andExpect(status().isNotFound());
        mvc.perform(get(petition + "/signatures/" + named.value()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$._links['osdi:person'].href").value(Matchers.endsWith("/people/" + named.value())));
        mvc.perform(get("/api/osdi/v1/people/not-an-id")).andExpect(status().isNotFound());
    }

    @Test
    void organizations_are_listed_with_their_parent() throws Exception {
        var chapter = fixtures.below(league, org.chorus.organizations.OrganizationKind.CHAPTER);
        mvc.perform(get("/api/osdi/v1/organizations/" + chapter.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(chapter.name()))
                .andExpect(jsonPath("$._links['chorus:parent'].href")
                        .value(Matchers.endsWith("/organizations/" + league.slug())));
        mvc.perform(get("/api/osdi/v1/organizations").param("per_page", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_records").value(Matchers.greaterThanOrEqualTo(2)));
        mvc.perform(get("/api/osdi/v1/organizations/no-such-organization")).andExpect(status().isNotFound());
    }
}
