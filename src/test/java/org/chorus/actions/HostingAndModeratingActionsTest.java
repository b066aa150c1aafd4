package org.chorus.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.places.Gazetteer;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;

/** Hosts register actions under a campaign, organizers judge them, and readers see only what was approved. */
@ChorusModuleTest
class HostingAndModeratingActionsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    org.chorus.campaigns.ReadingCampaigns readingCampaigns;

    @Autowired
    HostingActions hosting;

    @Autowired
    ModeratingActions moderating;

    @Autowired
    ReadingActions reading;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    GroupingTheMap grouping;

    @Autowired
    MapCells mapCells;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void a_new_hosts_action_waits_for_the_organizers_who_approve_it_in_bulk(PublishedEvents events) {
        var world = world();
        var host = person();
        var action = hosting.register(host, world.slug, world.form("Teach-in at the library"));

        assertThat(action.status()).isEqualTo(ActionStatus.PENDING);
        assertThat(action.newHost()).isTrue();
        assertThatThrownBy(() -> reading.page(null, action.id(), "en"))
                .as("a pending action does not exist for the public")
                .isInstanceOf(NotFoundException.class);
        assertThat(reading.page(host, action.id(), "en").canEdit()).isTrue();
        assertThat(reading.list(world.slug, ActionFilter.NONE, null, "en").actions())
                .isEmpty();
        assertThat(moderating
                        .queue(world.owner, world.slug, ActionFilter.NONE, null, "en")
                        .waiting())
                .extracting(Action::id)
                .containsExactly(action.id());
        assertThatThrownBy(() -> moderating.approve(host, world.slug, List.of(action.id())))
                .isInstanceOf(PermissionDenied.class);

        var other = hosting.register(person(), world.slug, world.form("Rally at the embassy"));
        assertThat(moderating.approve(world.owner, world.slug, List.of(action.id(), other.id())))
                .isEqualTo(2);

        assertThat(reading.page(null, action.id(), "en").action().isPublic()).isTrue();
        assertThat(reading.list(world.slug, ActionFilter.NONE, null, "en").actions())
                .hasSize(2);
        assertThat(reading.counts(world.campaign).byCountry()).containsEntry("FR", 2L);
        assertThat(events.ofType(ActionApproved.class))
                .as("each approval names the campaign's organization and the action for the audit log")
                .extracting(ActionApproved::issuer, ActionApproved::title)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(world.coalition().id(), "Teach-in at the library"),
                        org.assertj.core.groups.Tuple.tuple(world.coalition().id(), "Rally at the embassy"));
        assertThat(events.ofType(ActionRegistered.class)
                        .matching(e -> e.action().equals(action.id()))
                        .iterator()
                        .next()
                        .paths())
                .as("a pending action changes no public page")
                .isEmpty();
    }

    @Test
    void an_editor_of_the_hosting_organization_is_trusted_and_an_untrusted_edit_goes_back_to_review() {
        var world = world();
        var chapter = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(chapter, editor, Role.EDITOR);
        var member = fixtures.person("member");
        fixtures.grant(chapter, member, Role.MEMBER);

        var trusted = hosting.register(Actor.of(editor), world.slug, world.form("Vigil", chapter.slug()));
        assertThat(trusted.status()).isEqualTo(ActionStatus.APPROVED);

        var untrusted = hosting.register(Actor.of(member), world.slug, world.form("Picnic", chapter.slug()));
        assertThat(untrusted.status()).isEqualTo(ActionStatus.PENDING);
        moderating.approve(world.owner, world.slug, List.of(untrusted.id()));
        var edited = hosting.edit(Actor.of(member), untrusted.id(), world.form("Picnic, moved", chapter.slug()));
        assertThat(edited.status()).isEqualTo(ActionStatus.PENDING);
        assertThat(edited.sequence()).isEqualTo(1);

        var outsider = person();
        assertThatThrownBy(() -> hosting.register(outsider, world.slug, world.form("Mine", chapter.slug())))
                .isInstanceOf(org.chorus.shared.InvalidField.class)
                .extracting("field")
                .isEqualTo("organization");
        assertThatThrownBy(() -> hosting.edit(outsider, edited.id(), world.form("Stolen")))
                .as("a pending action does not exist for others")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> hosting.edit(outsider, trusted.id(), world.form("Stolen")))
                .isInstanceOf(PermissionDenied.class);
    }

    @Test
    void organizers_trust_a_host_or_an_organization_whose_next_actions_are_then_public_at_once() {
        var world = world();
        var host = person();
        var first = hosting.register(host, world.slug, world.form("First teach-in"));
        assertThat(first.status()).isEqualTo(ActionStatus.PENDING);
        assertThat(reading.page(world.owner, first.id(), "en").hostTrusted()).isFalse();
        assertThatThrownBy(() -> moderating.trust(host, first.id(), ModeratingActions.Trust.HOST, true))
                .as("a host does not trust themselves")
                .isInstanceOf(PermissionDenied.class);

        moderating.trust(world.owner, first.id(), ModeratingActions.Trust.HOST, true);

        assertThat(reading.page(world.owner, first.id(), "en").hostTrusted()).isTrue();
        assertThat(moderating
                        .queue(world.owner, world.slug, ActionFilter.NONE, null, "en")
                        .waiting())
                .as("what waits already stays to be judged")
                .extracting(Action::id)
                .containsExactly(first.id());
        assertThat(hosting.register(host, world.slug, world.form("Second teach-in"))
                        .status())
                .isEqualTo(ActionStatus.APPROVED);
        assertThat(hosting.register(person(), world.slug, world.form("Someone else's"))
                        .status())
                .isEqualTo(ActionStatus.PENDING);
        assertThatThrownBy(() -> moderating.trust(world.owner, first.id(), ModeratingActions.Trust.ORGANIZATION, true))
                .as("an action hosted for no organization")
                .isInstanceOf(org.chorus.shared.DomainException.class);

        moderating.trust(world.owner, first.id(), ModeratingActions.Trust.HOST, false);
        assertThat(hosting.register(host, world.slug, world.form("Third teach-in"))
                        .status())
                .isEqualTo(ActionStatus.PENDING);

        var chapter = fixtures.coalition();
        var member = fixtures.person("member");
        fixtures.grant(chapter, member, Role.MEMBER);
        var forChapter = hosting.register(Actor.of(member), world.slug, world.form("Picnic", chapter.slug()));
        assertThat(forChapter.status()).isEqualTo(ActionStatus.PENDING);
        moderating.trust(world.owner, forChapter.id(), ModeratingActions.Trust.ORGANIZATION, true);
        assertThat(reading.page(world.owner, forChapter.id(), "en").organizationTrusted())
                .isTrue();
        assertThat(hosting.register(Actor.of(member), world.slug, world.form("Second picnic", chapter.slug()))
                        .status())
                .isEqualTo(ActionStatus.APPROVED);
        assertThat(hosting.register(Actor.of(member), world.slug, world.form("On my own"))
                        .status())
                .as("trust in the organization covers what is hosted for it")
                .isEqualTo(ActionStatus.PENDING);
        var another = world();
        assertThat(hosting.register(Actor.of(member), another.slug, another.form("Elsewhere", chapter.slug()))
                        .status())
                .as("trust is per campaign")
                .isEqualTo(ActionStatus.PENDING);
    }

    @Test
    void a_rejection_is_mailed_to_the_host_with_its_reason() {
        var world = world();
        var person = fixtures.person("host");
        var action = hosting.register(Actor.of(person), world.slug, world.form("Off topic"));
        moderating.reject(world.owner, action.id(), "This is not about the climate.");

        var letter = TestMail.awaitOne(person.email());
        assertThat(ReceivedMail.text(letter)).contains("This is not about the climate.");
    }

    @Test
    void the_calendar_raises_the_sequence_on_each_change_and_marks_a_cancelled_action() {
        var world = world();
        var host = person();
        var action = hosting.register(host, world.slug, world.form("Rally"));
        moderating.approve(world.owner, world.slug, List.of(action.id()));
        hosting.edit(host, action.id(), world.form("Rally, longer"));
        moderating.approve(world.owner, world.slug, List.of(action.id()));
        hosting.cancel(host, action.id());

        var events = CalendarFeed.events(CalendarFeed.read(reading.calendar(world.slug)));
        assertThat(events).hasSize(1);
        var event = events.getFirst();
        assertThat(event.summary()).isEqualTo("Rally, longer");
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.cancelled()).isTrue();
        assertThat(event.start().getZone().getId()).isEqualTo("Europe/Paris");
        assertThat(event.uid()).startsWith("action-" + action.id());

        var one = CalendarFeed.events(CalendarFeed.read(reading.calendar(null, action.id())));
        assertThat(one).extracting(e -> e.uid()).containsExactly(event.uid());
    }

    @Test
    void the_map_clusters_at_low_zoom_keeps_flagship_actions_apart_and_reads_a_box_across_the_antimeridian() {
        var world = world();
        var host = person();
        var ids = new java.util.ArrayList<ActionId>();
        for (int i = 0; i < 3; i++) {
            ids.add(hosting.register(host, world.slug, world.form("Paris " + i)).id());
        }
        var flagship =
                hosting.register(host, world.slug, world.form("Big march")).id();
        var suva = city("Suva", "FJ");
        var apia = city("Apia", "WS");
        var fiji = hosting.register(host, world.slug, world.form("Suva", suva)).id();
        var samoa = hosting.register(host, world.slug, world.form("Apia", apia)).id();
        ids.addAll(List.of(flagship, fiji, samoa));
        moderating.approve(world.owner, world.slug, ids);
        moderating.flagship(world.owner, flagship, true);
        groupAgain(world);

        var world2 = reading.map(
                world.slug,
                org.chorus.places.BoundingBox.WORLD,
                org.chorus.places.GridCells.forZoom(2),
                ActionFilter.NONE,
                java.util.Locale.ENGLISH);
        var clusters = world2.features().stream()
                .filter(f -> Boolean.TRUE.equals(f.properties().get("cluster")))
                .toList();
        assertThat(clusters).hasSize(1);
        assertThat(clusters.getFirst().properties()).containsEntry("count", 3L);
        assertThat(world2.features())
                .filteredOn(f -> flagship.toString().equals(f.id()))
                .singleElement()
                .satisfies(f -> assertThat(f.properties()).containsEntry("flagship", true));

        var pacific = reading.map(
                world.slug,
                org.chorus.places.BoundingBox.parse("170,-20,-170,-10"),
                org.chorus.places.GridCells.forZoom(12),
                ActionFilter.NONE,
                java.util.Locale.ENGLISH);
        assertThat(pacific.features())
                .extracting(f -> f.id())
                .containsExactlyInAnyOrder(fiji.toString(), samoa.toString());
    }

    @Test
    void a_campaign_has_at_most_a_hundred_flagship_actions_and_unmarking_one_makes_room_for_another() {
        var world = world();
        var host = person();
        var ids = new java.util.ArrayList<ActionId>();
        for (int i = 0; i <= ModeratingActions.MOST_FLAGSHIP; i++) {
            ids.add(hosting.register(host, world.slug, world.form("March " + i)).id());
        }
        for (var id : ids.subList(0, ModeratingActions.MOST_FLAGSHIP)) {
            moderating.flagship(world.owner, id, true);
        }
        var last = ids.getLast();

        assertThatThrownBy(() -> moderating.flagship(world.owner, last, true))
                .isInstanceOfSatisfying(org.chorus.shared.DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.messageKey()).isEqualTo("action.flagship.too-many");
                });
        assertThat(reading.byId(last).orElseThrow().flagship()).isFalse();
        // marking one that is already flagship again changes nothing and is no error
        assertThat(moderating.flagship(world.owner, ids.getFirst(), true).flagship())
                .isTrue();

        moderating.flagship(world.owner, ids.getFirst(), false);
        assertThat(moderating.flagship(world.owner, last, true).flagship()).isTrue();
    }

    @Test
    void the_job_groups_the_map_of_low_zooms_which_then_answers_as_the_actions_do_and_follows_their_changes() {
        var world = world();
        var host = person();
        var paris = new java.util.ArrayList<ActionId>();
        for (int i = 0; i < 3; i++) {
            paris.add(
                    hosting.register(host, world.slug, world.form("Paris " + i)).id());
        }
        var fiji = hosting.register(host, world.slug, world.form("Suva", city("Suva", "FJ")))
                .id();
        var all = new java.util.ArrayList<>(paris);
        all.add(fiji);
        moderating.approve(world.owner, world.slug, all);
        var live = clustersAtZoom2(world, ActionFilter.NONE);

        groupAgain(world);
        assertThat(clustersAtZoom2(world, ActionFilter.NONE))
                .as("the grouped squares give the clusters and lone points the actions gave")
                .isEqualTo(live)
                .containsExactlyInAnyOrder("cluster of 3", fiji.toString());
        assertThat(clustersAtZoom2(
                        world, new ActionFilter(org.chorus.campaigns.ActionKind.EDUCATIONAL, null, null, false)))
                .isEmpty();
        assertThat(clustersAtZoom2(
                        world, new ActionFilter(org.chorus.campaigns.ActionKind.PROTEST, world.day(), null, false)))
                .hasSize(2);

        hosting.cancel(host, paris.getFirst());
        org.chorus.support.Eventually.eventually("the job groups the changed map again")
                .until(() -> {
                    grouping.group();
                    return clustersAtZoom2(world, ActionFilter.NONE).contains("cluster of 2");
                });
    }

    private List<String> clustersAtZoom2(World world, ActionFilter filter) {
        return reading
                .map(
                        world.slug,
                        org.chorus.places.BoundingBox.WORLD,
                        org.chorus.places.GridCells.forZoom(2),
                        filter,
                        java.util.Locale.ENGLISH)
                .features()
                .stream()
                .map(f -> Boolean.TRUE.equals(f.properties().get("cluster"))
                        ? "cluster of " + f.properties().get("count")
                        : f.id())
                .sorted()
                .toList();
    }

    /**
     * Runs the job until it grouped this campaign's latest changes (the scheduler's own run may hold the lock a
     * moment, or have grouped it before the last change).
     */
    private void groupAgain(World world) {
        org.chorus.support.Eventually.eventually("the campaign's map is grouped")
                .until(() -> {
                    grouping.group();
                    return mapCells.grouped(world.campaign()).isPresent()
                            && jdbc.sql("select count(*) from action_map_marks where campaign_id = :campaign")
                                            .param("campaign", world.campaign().value())
                                            .query(Long.class)
                                            .single()
                                    == 0;
                });
    }

    long city(String name, String country) {
        return gazetteer.suggest(name, Optional.of(country), 1).getFirst().id();
    }

    Actor person() {
        return Actor.of(fixtures.person("host"));
    }

    /** A published campaign over the coming weeks (UTC) calling for protests and online actions, with its owner. */
    World world() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        return new World(
                coalition,
                Actor.of(owner),
                slug,
                readingCampaigns.published(slug, "en").orElseThrow().id(),
                java.time.LocalDate.now(clock).plusDays(15),
                city("Paris", "FR"));
    }

    record World(
            Organization coalition,
            Actor owner,
            String slug,
            org.chorus.campaigns.CampaignId campaign,
            java.time.LocalDate day,
            long paris) {

        ActionForm form(String title) {
            return form(title, "", paris);
        }

        ActionForm form(String title, String organization) {
            return form(title, organization, paris);
        }

        ActionForm form(String title, long city) {
            return form(title, "", city);
        }

        ActionForm form(String title, String organization, long city) {
            return new ActionForm(
                    "PROTEST",
                    title,
                    "Join us.",
                    organization,
                    day + "T10:00",
                    day + "T12:00",
                    "",
                    "",
                    "Square",
                    "",
                    Long.toString(city),
                    "",
                    "",
                    false,
                    "");
        }
    }
}
