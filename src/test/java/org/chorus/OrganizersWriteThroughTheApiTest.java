package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.follows.FollowFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the pages let organizers and supporters change, the API lets them change too, through the same use cases: a
 * campaign's words and plan (with the version read), its letter to officials, its withdrawal; a statement's
 * retraction; duplicate sign-ons
 * merged and a name changed at a signer's request; an account's own RSVP cancelled; and the count of followers for
 * those who write announcements; actions approved or rejected, an action's RSVPs read by its host and organizers;
 * webhook endpoints registered and removed by the organization's owners. Each refuses what its page refuses.
 */
@ChorusWebTest
class OrganizersWriteThroughTheApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    SignOnRows signOns;

    @Autowired
    FollowFixtures follows;

    @Autowired
    ApiTokens tokens;

    @Autowired
    org.chorus.statements.StatementFixtures statements;

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
        return "Bearer " + tokens.create(person.email(), "api", 30, List.of(scopes));
    }

    @Test
    void a_campaign_changes_with_the_version_read_gets_its_letter_and_is_withdrawn() throws Exception {
        var token = bearer(owner, "read", "write:campaigns", "write:letters");
        var etag = mvc.perform(get("/api/v1/campaigns/" + campaign))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(etag).startsWith("\"v");

        var change = patch("/api/v1/campaigns/" + campaign)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", token)
                .content("{\"title\": \"Clean air fortnight\", \"demands\": [\"Low-emission zones\"]}");
        mvc.perform(change).andExpect(status().isPreconditionRequired());
        mvc.perform(change.header("If-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.texts[0].title").value("Clean air fortnight"))
                .andExpect(jsonPath("$.texts[0].demands[0]").value("Low-emission zones"))
                .andExpect(jsonPath("$.daysOfAction.length()").value(2));
        mvc.perform(patch("/api/v1/campaigns/" + campaign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .header("If-Match", etag)
                        .content("{\"title\": \"Stale\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(patch("/api/v1/campaigns/" + campaign)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .header("If-Match", "*")
                        .content("{\"language\": \"fr\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.language").exists());
        mvc.perform(get("/c/" + campaign))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Clean air fortnight")));

        var today = LocalDate.now(clock);
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/letter").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.texts[0].language").value("en"));
        mvc.perform(put("/api/v1/campaigns/" + campaign + "/letter")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("""
                                {"enabled": true, "opensOn": "%s", "closesOn": "%s", "subjectLocked": true,
                                 "texts": [{"language": "en", "subject": "Clean air now", "opening": "Dear Minister,",
                                            "core": "We ask for low-emission zones.", "closing": "Yours sincerely,"}]}""".formatted(today.plusDays(1), today.plusDays(24))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.texts[0].subject").value("Clean air now"));
        mvc.perform(put("/api/v1/campaigns/" + campaign + "/letter")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"enabled\": true, \"opensOn\": \"%s\", \"closesOn\": \"%s\"}"
                                .formatted(today.plusDays(10), today.plusDays(2))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.closesOn").exists());
        mvc.perform(post("/api/v1/campaigns/" + campaign + "/letter/targets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"country\": \"KE\", \"office\": \"Environment\", \"name\": \"A minister\", "
                                + "\"email\": \"minister@example.org\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/letter/targets").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].office").value("Environment"))
                .andExpect(jsonPath("$[0].email").value("minister@example.org"));
        var stranger = fixtures.person("stranger");
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/letter").header("Authorization", bearer(stranger, "read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/letter/targets")
                        .header("Authorization", bearer(stranger, "read")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/campaigns/" + campaign + "/withdraw")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.note").exists());
        mvc.perform(post("/api/v1/campaigns/" + campaign + "/withdraw")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"note\": \"Postponed to spring.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawalNote").value("Postponed to spring."));
    }

    @Test
    void organizers_merge_a_duplicate_sign_on_and_change_a_name_at_the_signers_request() throws Exception {
        var statement = signOns.opened(
                league, Fixtures.unique("Open letter"), org.chorus.signons.SignOnOpening.Choices.defaults());
        var kept = signOns.organization(statement.id(), "Tenants Union", "KE", SignOnStatus.CONFIRMED);
        var duplicate = signOns.organization(statement.id(), "Tenants' Union", "KE", SignOnStatus.CONFIRMED);
        var token = bearer(owner, "read", "write:signons");
        var base = "/api/v1/statements/" + statement.slug() + "/signons/";

        mvc.perform(post(base + duplicate.value() + "/merge")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"into\": \"" + duplicate.value() + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post(base + duplicate.value() + "/merge")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"into\": \"" + kept.value() + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(patch(base + kept.value())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"name\": \"Tenants Union of Kenya\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(patch(base + kept.value())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"name\": \"\"}"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(get("/api/v1/statements/" + statement.slug() + "/signons").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id")
                        .value(Matchers.contains(kept.value().toString())))
                .andExpect(jsonPath("$.items[0].name").value("Tenants Union of Kenya"));
        mvc.perform(post(base + kept.value() + "/merge")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(fixtures.person("stranger"), "read", "write:signons"))
                        .content("{\"into\": \"" + kept.value() + "\"}"))
                .andExpect(status().is(Matchers.either(Matchers.is(403)).or(Matchers.is(404))));
    }

    @Test
    void an_account_cancels_its_own_rsvp_and_may_come_again_and_an_account_without_one_hears_so() throws Exception {
        var action = actions.registered(Actor.of(owner), campaign, Fixtures.unique("Teach-in"));
        var supporter = fixtures.person("supporter");
        var token = bearer(supporter, "write:rsvps");
        mvc.perform(post("/api/v1/actions/" + action.id() + "/rsvps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{}"))
                .andExpect(status().isCreated());

        mvc.perform(delete("/api/v1/actions/" + action.id() + "/rsvps/mine").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(delete("/api/v1/actions/" + action.id() + "/rsvps/mine").header("Authorization", token))
                .andExpect(status().isNotFound());
        // coming again after cancelling is a new RSVP
        mvc.perform(post("/api/v1/actions/" + action.id() + "/rsvps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("GOING"));
        mvc.perform(delete("/api/v1/actions/" + action.id() + "/rsvps/mine")
                        .header("Authorization", bearer(fixtures.person("nobody"), "write:rsvps")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/actions/" + action.id() + "/rsvps/mine")
                        .header("Authorization", bearer(supporter, "read")))
                .andExpect(status().isForbidden());
    }

    @Test
    void those_who_write_announcements_see_how_many_follow_and_no_one_else_does() throws Exception {
        follows.follow(Fixtures.uniqueEmail("follower"), "organization", league.slug(), "en", "immediate", false);
        mvc.perform(get("/api/v1/organizations/" + league.slug() + "/followers")
                        .header("Authorization", bearer(owner, "read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organization").value(1))
                .andExpect(jsonPath("$.campaigns['" + campaign + "']").value(0));
        var member = fixtures.person("member");
        fixtures.grant(league, member, Role.MEMBER);
        mvc.perform(get("/api/v1/organizations/" + league.slug() + "/followers")
                        .header("Authorization", bearer(member, "read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/organizations/" + league.slug() + "/followers"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_publisher_retracts_a_statement_with_a_note_and_it_leaves_the_public_list() throws Exception {
        var statement =
                statements.published(Actor.of(owner), league, "en", Fixtures.unique("Superseded call"), "We ask.");
        var path = "/api/v1/statements/" + statement.slug() + "/retract";
        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(owner, "read"))
                        .content("{\"note\": \"Superseded.\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(owner, "read", "write:statements"))
                        .content("{\"note\": \"Superseded by our spring call.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETRACTED"));
        mvc.perform(get("/api/v1/statements").param("organization", league.slug()))
                .andExpect(jsonPath("$.items[*].slug").value(Matchers.not(Matchers.hasItem(statement.slug()))));
    }

    @Test
    void organizers_moderate_actions_and_read_who_is_coming_and_no_one_else_does() throws Exception {
        var host = fixtures.person("host");
        var waiting = actions.registered(Actor.of(host), campaign, Fixtures.unique("Waiting rally"));
        var other = actions.registered(Actor.of(host), campaign, Fixtures.unique("Off-topic rally"));
        var token = bearer(owner, "read", "write:actions");

        mvc.perform(post("/api/v1/actions/" + waiting.id() + "/approve").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/actions/" + other.id() + "/reject")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"reason\": \"This campaign is about clean air.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(post("/api/v1/actions/" + other.id() + "/approve")
                        .header("Authorization", bearer(host, "read", "write:actions")))
                .andExpect(status().is(Matchers.either(Matchers.is(403)).or(Matchers.is(404))));

        mvc.perform(put("/api/v1/actions/" + waiting.id() + "/flagship")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"flagship\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flagship").value(true));
        mvc.perform(put("/api/v1/actions/" + waiting.id() + "/trust")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"host\": true}"))
                .andExpect(status().isNoContent());
        var trusted = actions.registered(Actor.of(host), campaign, Fixtures.unique("Trusted host's rally"));
        assertThat(trusted.isPublic())
                .as("a trusted host's next action is approved at once")
                .isTrue();

        var supporter = fixtures.person("supporter");
        mvc.perform(post("/api/v1/actions/" + waiting.id() + "/rsvps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(supporter, "write:rsvps"))
                        .content("{\"guests\": 2}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/actions/" + waiting.id() + "/rsvps").header("Authorization", bearer(host, "read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.going").value(3))
                .andExpect(jsonPath("$.items[0].email").value(supporter.email()))
                .andExpect(jsonPath("$.items[0].guests").value(2));
        mvc.perform(get("/api/v1/actions/" + waiting.id() + "/rsvps")
                        .header("Authorization", bearer(supporter, "read")))
                .andExpect(status().isNotFound());
    }

    @Test
    void owners_register_a_webhook_endpoint_see_its_secret_once_and_remove_it() throws Exception {
        var token = bearer(owner, "read", "write:webhooks");
        var path = "/api/v1/organizations/" + league.slug() + "/webhooks";
        var registered = mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"action.created\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(Matchers.startsWith("whsec_")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(registered, "$.id");
        mvc.perform(get(path).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(id)))
                .andExpect(jsonPath("$.items[0].secret").doesNotExist())
                .andExpect(jsonPath("$.types").value(Matchers.hasItem("statement.published")));
        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"no.such.event\"]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(delete(path + "/" + id).header("Authorization", token)).andExpect(status().isNoContent());
        mvc.perform(get(path).header("Authorization", token))
                .andExpect(jsonPath("$.items").isEmpty());
        var member = fixtures.person("member");
        fixtures.grant(league, member, Role.MEMBER);
        mvc.perform(get(path).header("Authorization", bearer(member, "read"))).andExpect(status().isForbidden());
    }

    @Test
    void editors_open_a_statement_for_sign_on_with_their_choices_and_close_it() throws Exception {
        var statement = statements.published(Actor.of(owner), league, "en", Fixtures.unique("Open letter"), "We ask.");
        var token = bearer(owner, "read", "write:signons");
        var path = "/api/v1/statements/" + statement.slug() + "/signon-opening";
        mvc.perform(get(path).header("Authorization", token)).andExpect(status().isNotFound());

        var opening = put(path).contentType(MediaType.APPLICATION_JSON).header("Authorization", token);
        mvc.perform(opening.content("{\"whoMaySign\": \"EVERYONE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.whoMaySign").exists());
        mvc.perform(opening.content("""
                        {"whoMaySign": "PEOPLE", "closesAt": "%sT23:59:00Z", "showPeopleNames": false,
                         "questions": [{"label": "Sector", "choices": ["Health", "Housing"]}]}""".formatted(LocalDate.now(clock).plusDays(30))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.acceptingNow").value(true))
                .andExpect(jsonPath("$.choices.whoMaySign").value("PEOPLE"))
                .andExpect(jsonPath("$.choices.showPeopleNames").value(false))
                .andExpect(jsonPath("$.choices.questions[0].choices[1]").value("Housing"));
        mvc.perform(get(path).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.choices.questions[0].label").value("Sector"));
        mvc.perform(get("/api/v1/statements/" + statement.slug() + "/signons")).andExpect(status().isOk());

        mvc.perform(post(path + "/close").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false));
        mvc.perform(post(path + "/close").header("Authorization", token)).andExpect(status().isConflict());
        var member = fixtures.person("member");
        fixtures.grant(league, member, Role.MEMBER);
        mvc.perform(post(path + "/close").header("Authorization", bearer(member, "read", "write:signons")))
                .andExpect(status().is(Matchers.either(Matchers.is(403)).or(Matchers.is(404))));
    }

    @Test
    void writers_translate_a_statement_and_a_campaign_and_an_ally_republishes_the_statement() throws Exception {
        var statement = statements.published(Actor.of(owner), league, "en", Fixtures.unique("Clean air"), "We ask.");
        var token = bearer(owner, "read", "write:statements", "write:campaigns");
        var translation = put("/api/v1/statements/" + statement.slug() + "/translations/fr")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", token);
        mvc.perform(translation.content("""
                        {"title": "De l’air pur", "body": "Nous demandons de l’air pur.", "translator": "Ada",
                         "publish": true}""")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/statements/" + statement.slug()))
                .andExpect(jsonPath("$.texts[?(@.language == 'fr')].title").value(Matchers.contains("De l’air pur")));
        // an ally republishes it, with attribution
        var ally = fixtures.coalition();
        fixtures.grant(ally, owner, Role.OWNER);
        var republished = mvc.perform(post("/api/v1/organizations/" + ally.slug() + "/republications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"source\": \"" + statement.slug()
                                + "\", \"introduction\": \"We stand with them.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.issuer").value(ally.slug()))
                .andExpect(jsonPath("$.source.url").value("/s/" + statement.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(republished).contains("Clean air", "We stand with them.");
        mvc.perform(post("/api/v1/organizations/" + ally.slug() + "/republications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("""
                                {"url": "https://unions.example.org/2026/clean-air", "publisher": "Union of Transport Workers",
                                 "publishedOn": "2026-11-30", "language": "en", "title": "Clean air at work",
                                 "body": "Drivers breathe the worst air in the city."}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.url").value("https://unions.example.org/2026/clean-air"))
                .andExpect(jsonPath("$.source.publisher").value("Union of Transport Workers"))
                .andExpect(jsonPath("$.texts[0].title").value("Clean air at work"));
        mvc.perform(post("/api/v1/organizations/" + ally.slug() + "/republications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("""
                                {"url": "https://unions.example.org/x", "publisher": "A union", "publishedOn": "30/11/2026",
                                 "language": "en", "title": "T", "body": "B"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.publishedOn").exists());
        mvc.perform(post("/api/v1/organizations/" + ally.slug() + "/republications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"source\": \"no-such-statement\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.source").exists());
        mvc.perform(put("/api/v1/statements/" + statement.slug() + "/translations/en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"title\": \"Same\", \"body\": \"Same.\"}"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(put("/api/v1/campaigns/" + campaign + "/translations/es")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("""
                                {"title": "Quincena por el aire limpio", "summary": "Dos semanas.",
                                 "call": "Únase a nosotros.", "demands": ["Zonas de bajas emisiones"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.languages").value(Matchers.hasItem("es")));
        mvc.perform(get("/api/v1/campaigns/" + campaign).param("language", "es"))
                .andExpect(jsonPath("$.texts[0].title").value("Quincena por el aire limpio"))
                .andExpect(jsonPath("$.texts[0].demands[0]").value("Zonas de bajas emisiones"));
    }

    @Test
    void an_owner_edits_the_profile_with_the_version_read_and_organizations_register_below() throws Exception {
        var token = bearer(owner, "read", "write:organizations");
        var path = "/api/v1/organizations/" + league.slug();
        var etag = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        var change = patch(path).contentType(MediaType.APPLICATION_JSON).header("Authorization", token);
        mvc.perform(change.content("{\"description\": \"Clean air for every city.\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(patch(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .header("If-Match", etag)
                        .content("{\"description\": \"Clean air for every city.\", \"languages\": [\"en\", \"sw\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Clean air for every city."))
                .andExpect(jsonPath("$.languages").value(Matchers.contains("en", "sw")))
                .andExpect(jsonPath("$.name").value(league.name()));
        mvc.perform(patch(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .header("If-Match", etag)
                        .content("{\"name\": \"Stale\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(patch(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .header("If-Match", "*")
                        .content("{\"country\": \"XX\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.country").exists());
        var member = fixtures.person("member");
        fixtures.grant(league, member, Role.MEMBER);
        mvc.perform(patch(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(member, "read", "write:organizations"))
                        .header("If-Match", "*")
                        .content("{\"name\": \"Taken over\"}"))
                .andExpect(status().isForbidden());

        var chapter = """
                {"kind": "CHAPTER", "name": "%s", "country": "KE", "languages": ["en"]}""";
        mvc.perform(post(path + "/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content(chapter.formatted(Fixtures.unique("Nairobi chapter"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post(path + "/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", bearer(fixtures.person("newcomer"), "write:organizations"))
                        .content(chapter.formatted(Fixtures.unique("Mombasa chapter"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(post(path + "/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", token)
                        .content("{\"kind\": \"COALITION\", \"name\": \"Another league\", \"country\": \"KE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.kind").exists());
    }
}
