package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;

import java.time.Clock;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.HostingActions;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * An approved action of a campaign reaches the campaign organization's followers as a Mobilizon event: its times with
 * their time zone, its place, the RSVP form as the way to join, the count going and never who; an edit is an Update,
 * and so is a cancellation (ical:status CANCELLED), as Mobilizon sends them.
 */
@ChorusModuleTest
class ActionsOnTheFediverseTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    Followers followers;

    @Autowired
    ActorKeys keys;

    @Autowired
    ActorDocuments documents;

    @Autowired
    Clock clock;

    Organization league;
    Actor admin;
    RemoteServer remote;

    @BeforeEach
    void a_league_followed_from_a_mobilizon_like_server() throws Exception {
        league = fixtures.coalition();
        admin = fixtures.siteAdmin();
        remote = new RemoteServer("ana");
        var actor = RemoteActor.of(JsonMapper.shared().readTree(remote.document("ana")));
        followers.follow(league.id(), actor, remote.origin + "/follows/ana", true, clock.instant());
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void an_approved_action_is_an_event_updated_when_edited_and_when_cancelled() {
        var campaign = actions.campaign(admin, league);
        var action = actions.registered(admin, campaign, "Rally for clean air");

        eventually("the Event reaches the follower's server")
                .until(() -> !remote.received("Create").isEmpty());
        var create = remote.received("Create").get(0);
        var event = create.json().get("object");
        assertThat(event.get("type").asString()).isEqualTo("Event");
        assertThat(event.get("id").asString()).isEqualTo("http://localhost/actions/" + action.id());
        assertThat(event.get("attributedTo").asString()).isEqualTo("http://localhost/o/" + league.slug());
        assertThat(event.get("name").asString()).isEqualTo("Rally for clean air");
        assertThat(event.get("timezone").asString()).isEqualTo("Europe/Paris");
        assertThat(event.get("startTime").asString())
                .as("local time with its offset")
                .containsPattern("T10:00\\+0[12]:00$");
        assertThat(event.at("/location/name").asString()).isEqualTo("Place de la République");
        assertThat(event.at("/location/address/addressLocality").asString()).isEqualTo("Paris");
        assertThat(event.get("joinMode").asString()).isEqualTo("external");
        assertThat(event.get("externalParticipationUrl").asString()).endsWith("/actions/" + action.id() + "#rsvp");
        assertThat(event.get("participantCount").asInt()).isZero();
        assertThat(event.get("ical:status").asString()).isEqualTo("CONFIRMED");
        assertThat(event.get("summary").asString()).contains("Europe/Paris").contains("Paris");
        assertThat(create.verifiesWith(keys.of(league.id()).publicKeyPem(), clock.instant()))
                .as("signed by the league")
                .isTrue();

        assertThat(documents.action(action.id()))
                .as("at the action's address, asked for as ActivityStreams")
                .containsEntry("type", "Event")
                .containsEntry("id", "http://localhost/actions/" + action.id());

        var collection = documents.campaign(campaign, null);
        assertThat(collection).containsEntry("type", "OrderedCollection").containsEntry("totalItems", 1L);
        assertThat(((java.util.Map<?, ?>) collection.get("first")).get("orderedItems"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("http://localhost/actions/" + action.id());
        assertThat(event.get("context").asString()).isEqualTo("http://localhost/c/" + campaign);

        hosting.edit(admin, action.id(), ActionFixtures.described(actions.form("Rally for clean air"), "Bring water."));
        eventually("the edit reaches it").until(() -> !remote.received("Update").isEmpty());
        assertThat(remote.received("Update").get(0).json().at("/object/content").asString())
                .contains("Bring water.");

        hosting.cancel(admin, action.id());
        eventually("the cancellation reaches it")
                .until(() -> remote.received("Update").size() == 2);
        assertThat(remote.received("Update")
                        .get(1)
                        .json()
                        .at("/object/ical:status")
                        .asString())
                .isEqualTo("CANCELLED");
        assertThat(remote.received("Create")).hasSize(1);
    }

    @Autowired
    TellingFollowers telling;

    @Autowired
    org.chorus.rsvps.RsvpFixtures rsvps;

    @Autowired
    org.chorus.support.TestClock testClock;

    @Autowired
    org.chorus.rsvps.CountingRsvps counting;

    @Test
    void an_event_whose_place_is_revealed_later_or_whose_count_changes_is_updated_by_the_job_once_per_change() {
        var campaign = actions.campaign(admin, league);
        var day = java.time.LocalDate.now(clock).plusDays(3);
        var form = ActionFixtures.on(actions.form("Assembly at the depot"), day);
        var approximate = ActionFixtures.approximate(form, true, "12 rue du Dépôt", "48");
        var action = hosting.register(admin, campaign, approximate);
        eventually("the Event reaches the follower's server")
                .until(() -> !remote.received("Create").isEmpty());
        var created = remote.received("Create").get(0).json().get("object");
        assertThat(created.at("/location/name").isMissingNode()
                        || !created.at("/location/name").asString().contains("Place de la République"))
                .as("only the city before the reveal: %s", created.get("location"))
                .isTrue();
        assertThat(created.get("location").toString()).doesNotContain("Dépôt");

        telling.refreshUpcomingEvents();
        rsvps.confirmed(action.id(), "Ana", org.chorus.support.Fixtures.uniqueEmail("ana"), 0);
        counting.recount(); // the public count, as its job refreshes it every few seconds
        telling.refreshUpcomingEvents();
        eventually("the new count reaches the server")
                .until(() -> remote.received("Update").size() == 1);
        assertThat(remote.received("Update")
                        .get(0)
                        .json()
                        .at("/object/participantCount")
                        .asInt())
                .isEqualTo(1);
        telling.refreshUpcomingEvents();

        testClock.advance(java.time.Duration.ofDays(2));
        telling.refreshUpcomingEvents();
        eventually("the revealed place reaches the server")
                .until(() -> remote.received("Update").size() == 2);
        var revealed = remote.received("Update").get(1).json().get("object");
        assertThat(revealed.get("location").toString())
                .contains("Place de la République")
                .contains("Dépôt");
        telling.refreshUpcomingEvents();
        assertThat(remote.received("Update"))
                .as("nothing more changed, nothing more sent")
                .hasSize(2);
    }
}
