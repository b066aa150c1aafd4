package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.Organization;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Mobilizon, Gancio and Mastodon really send (../shared/fixtures/activitypub) fills the feed of an organization
 * that follows their author: events with their time and place, posts with their text and address.
 */
@ChorusModuleTest
class AlliedPostsFromRealServersTest {

    @Autowired
    AlliedPosts posts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Organization league;

    @BeforeEach
    void a_league() {
        league = fixtures.coalition();
    }

    /** The league follows the actor, its follow accepted. */
    RemoteActor followed(String id) {
        jdbc.sql("""
                        insert into federation_following (organization_id, actor_id, follow_id, state, created_at)
                        values (:o, :a, :f, 'accepted', :now) on conflict do nothing""")
                .param("o", league.id().value())
                .param("a", id)
                .param("f", "http://localhost/o/" + league.slug() + "/activities/follow-" + Fixtures.unique("f"))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new RemoteActor(id, List.of("Person"), null, null, id, id + "/inbox", null, id + "#main-key", "");
    }

    FollowingElsewhere.Post only() {
        var feed = posts.feed(league.id(), null).posts();
        assertThat(feed).hasSize(1);
        return feed.get(0);
    }

    @Test
    void a_mobilizon_event_keeps_its_name_start_place_and_address() throws Exception {
        var create =
                org.chorus.federation.activitystreams.ActivitiesTest.fixture("mobilizon/mobilizon-post-activity.json");
        posts.created(followed("https://mobilizon.fr/@metacartes"), create);
        var event = only();
        assertThat(event.type()).isEqualTo("Event");
        assertThat(event.title()).isEqualTo("My first event");
        assertThat(event.start()).isEqualTo(java.time.Instant.parse("2018-02-12T14:08:20Z"));
        assertThat(event.place()).isEqualTo("Locaux de Framasoft, 10 Rue Jangot, Lyon, France");
        assertThat(event.url()).isEqualTo("https://mobilizon.fr/events/39a0c4a6-f2b6-41dc-bbe2-fc5bff76cc93");
    }

    @Test
    void a_gancio_event_keeps_its_local_start_and_place() throws Exception {
        var create =
                org.chorus.federation.activitystreams.ActivitiesTest.fixture("mobilizon/gancio-event-activity.json");
        posts.created(followed("https://demo.gancio.org/federation/u/gancio"), create);
        var event = only();
        assertThat(event.title()).isEqualTo("Demo event");
        assertThat(event.start()).isEqualTo(java.time.Instant.parse("2021-07-14T15:30:57Z"));
        assertThat(event.place()).isEqualTo("Colosseo");
        assertThat(event.url()).isEqualTo("https://demo.gancio.org/event/demo-event");
    }

    @Test
    void a_mastodon_post_is_titled_by_its_first_words_and_links_to_its_page() throws Exception {
        var create =
                org.chorus.federation.activitystreams.ActivitiesTest.fixture("mobilizon/mastodon-post-activity.json");
        posts.created(followed("https://framapiaf.org/users/admin"), create);
        var post = only();
        assertThat(post.type()).isEqualTo("Note");
        assertThat(post.title()).isNotBlank().doesNotContain("<");
        assertThat(post.url()).isEqualTo("https://framapiaf.org/@admin/99512778738411822");
    }

    @Test
    void a_post_of_an_account_the_organization_does_not_follow_is_not_in_its_feed() throws Exception {
        var create =
                org.chorus.federation.activitystreams.ActivitiesTest.fixture("mobilizon/gancio-event-activity.json");
        var gancio = followed("https://demo.gancio.org/federation/u/gancio");
        jdbc.sql("delete from federation_following where organization_id = :o")
                .param("o", league.id().value())
                .update();
        posts.created(gancio, create);
        assertThat(posts.feed(league.id(), null).posts()).isEmpty();
    }
}
