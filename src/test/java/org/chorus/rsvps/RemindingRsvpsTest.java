package org.chorus.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.Action;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.support.AtOnce;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People going to an action are reminded the day before at 11:00 and two hours before, in the action's own zone, once
 * each whatever runs the job; they hear when its time or place changes (a new calendar entry, its sequence raised) and
 * when it is cancelled.
 */
@ChorusModuleTest
class RemindingRsvpsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    RsvpFixtures rsvps;

    @Autowired
    HostingActions hosting;

    @Autowired
    RemindingRsvps reminding;

    @Autowired
    ManagingRsvps managing;

    @Autowired
    Rsvping rsvping;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    ChorusUser owner;
    String slug;

    @BeforeEach
    void a_published_campaign() {
        var coalition = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        slug = actions.campaign(Actor.of(owner), coalition);
    }

    /** The fixture's protest in Paris, 10:00 to 12:00 local on the campaign's 15th day. */
    Action action(String title) {
        return hosting.register(Actor.of(owner), slug, actions.form(title));
    }

    LocalDate day() {
        return LocalDate.now(clock).plusDays(15);
    }

    List<Instant> remindersOf(Action action) {
        return jdbc.sql("select remind_at from rsvps where action_id = :a order by created_at")
                .param("a", action.id().value())
                .query((rs, i) -> {
                    var at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                })
                .list();
    }

    @Test
    void reminders_go_the_day_before_at_eleven_and_two_hours_before_in_the_actions_zone_once_each() throws Exception {
        var action = action(Fixtures.unique("Climate march"));
        managing.change(Actor.of(owner), action.id(), new RsvpSettings(null, List.of(), "Meet at the fountain."));
        var ana = Fixtures.uniqueEmail("ana");
        var own = rsvps.confirmed(action.id(), "Ana", ana, 1);
        // the confirmation and "You are going" arrive first (sent in the background), so letters are in order
        TestMail.await(ana, 2);
        var dayBefore = day().minusDays(1).atTime(11, 0).atZone(PARIS).toInstant();
        var soon = day().atTime(8, 0).atZone(PARIS).toInstant();
        assertThat(remindersOf(action)).containsExactly(dayBefore);

        // other tests' RSVPs share the database, so what a run sent is read from Ana's letters and her row only
        reminding.sendDue(dayBefore.minus(RemindingRsvps.AHEAD).minusSeconds(60));
        assertThat(remindersOf(action)).as("not yet").containsExactly(dayBefore);
        reminding.sendDue(dayBefore.plusSeconds(5));
        reminding.sendDue(dayBefore.plusSeconds(10));
        assertThat(remindersOf(action)).containsExactly(soon);

        var tomorrow = TestMail.await(ana, 3).get(2);
        assertThat(tomorrow.getSubject())
                .isEqualTo("Tomorrow: " + action.details().title());
        assertThat(ReceivedMail.text(tomorrow))
                .contains("Place de la République", "Bring a sign.", "Meet at the fountain.", own);
        var calendar = CalendarFeed.events(CalendarFeed.read(ReceivedMail.attachment(tomorrow, "action.ics")));
        assertThat(calendar).singleElement().satisfies(event -> {
            assertThat(event.start().toInstant())
                    .isEqualTo(action.details().start().toInstant());
            assertThat(event.location()).contains("Place de la République");
            assertThat(event.cancelled()).isFalse();
        });

        reminding.sendDue(soon.plusSeconds(1));
        reminding.sendDue(soon.plusSeconds(2));
        assertThat(TestMail.await(ana, 4).get(3).getSubject())
                .isEqualTo("In two hours: " + action.details().title());
        assertThat(remindersOf(action)).containsOnlyNulls();
        assertThat(TestMail.to(ana, "Tomorrow")).as("once each").hasSize(1);
        assertThat(TestMail.to(ana, "In two hours")).hasSize(1);
    }

    @Test
    void a_reminder_is_queued_ahead_to_go_at_its_moment_and_a_change_before_then_replaces_it() throws Exception {
        var action = action(Fixtures.unique("Tree planting"));
        var ana = Fixtures.uniqueEmail("ana");
        var own = rsvps.confirmed(action.id(), "Ana", ana, 0);
        // the confirmation and "You are going" arrive first (sent in the background), so letters are in order
        TestMail.await(ana, 2);
        var rsvp = own.split("/")[2];
        var dayBefore = day().minusDays(1).atTime(11, 0).atZone(PARIS).toInstant();

        // five minutes before its moment: queued now, held by the outbox for five minutes
        var queuedAt = clock.instant();
        reminding.sendDue(dayBefore.minusSeconds(300));
        assertThat(heldUntil(rsvp))
                .singleElement()
                .satisfies(at -> assertThat(at)
                        .isBetween(queuedAt.plusSeconds(299), clock.instant().plusSeconds(301)));

        // the host changes the description meanwhile: the held reminder is withdrawn and queued again as it now is
        hosting.edit(
                Actor.of(owner),
                action.id(),
                ActionFixtures.described(actions.form(action.details().title()), "Bring gloves and water."));
        eventually("the held reminder was withdrawn")
                .until(() -> heldUntil(rsvp).isEmpty());
        assertThat(remindersOf(action)).containsExactly(dayBefore);
        assertThat(TestMail.to(ana, "Tomorrow"))
                .as("nothing went before its moment")
                .isEmpty();
        reminding.sendDue(dayBefore.plusSeconds(1));
        eventually("the reminder came")
                .until(() -> !TestMail.to(ana, "Tomorrow").isEmpty());
        assertThat(TestMail.to(ana, "Tomorrow"))
                .singleElement()
                .satisfies(letter -> assertThat(ReceivedMail.text(letter)).contains("Bring gloves and water."));
    }

    @Test
    void a_reminder_queued_ahead_is_withdrawn_when_the_person_cancels() {
        var action = action(Fixtures.unique("Repair café"));
        var ana = Fixtures.uniqueEmail("ana");
        var own = rsvps.confirmed(action.id(), "Ana", ana, 0);
        // the confirmation and "You are going" arrive first (sent in the background), so letters are in order
        TestMail.await(ana, 2);
        var rsvp = own.split("/")[2];
        var dayBefore = day().minusDays(1).atTime(11, 0).atZone(PARIS).toInstant();
        reminding.sendDue(dayBefore.minusSeconds(300));
        assertThat(heldUntil(rsvp)).hasSize(1);

        var parts = own.split("/");
        rsvping.cancel(java.util.UUID.fromString(parts[2]), parts[3]);

        assertThat(heldUntil(rsvp)).isEmpty();
    }

    /** When the outbox will send the RSVP's reminders it holds. */
    List<Instant> heldUntil(String rsvp) {
        return jdbc.sql("""
                        select not_before from email_outbox
                         where idempotency_key like :k and status = 'queued'""")
                .param("k", "rsvps.reminder:%:" + rsvp + ":%")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    @Test
    void a_reminder_run_left_by_a_node_that_died_is_taken_again_within_a_minute() {
        // the run a node had picked when it died: db-scheduler keeps it that node's until its heartbeats are missed
        eventually("the run was marked as a dead node's")
                .until(() -> jdbc.sql("""
                                update scheduled_tasks
                                   set picked = true, picked_by = 'a-node-that-died', version = version + 1,
                                       last_heartbeat = now() - interval '2 minutes',
                                       execution_time = now() - interval '2 minutes'
                                 where task_name = 'send-rsvp-reminders' and not picked""").update() == 1);

        eventually("the run is taken again")
                .atMost(java.time.Duration.ofSeconds(50))
                .until(() -> jdbc.sql("""
                                select count(*) from scheduled_tasks
                                 where task_name = 'send-rsvp-reminders'
                                   and picked_by is distinct from 'a-node-that-died'
                                   and last_success > now() - interval '1 minute'""").query(Long.class).single() == 1);
    }

    @Test
    void two_runs_at_once_send_each_reminder_once_and_a_cancelled_rsvp_gets_none() throws Exception {
        var action = action(Fixtures.unique("Teach-in"));
        var emails = new java.util.ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            emails.add(Fixtures.uniqueEmail("guest" + i));
            rsvps.confirmed(action.id(), "Guest " + i, emails.getLast(), 0);
        }
        var gone = Fixtures.uniqueEmail("gone");
        var goneOwn = rsvps.confirmed(action.id(), "Gone", gone, 0);
        var parts = goneOwn.split("/");
        rsvping.cancel(java.util.UUID.fromString(parts[2]), parts[3]);
        var dayBefore = day().minusDays(1).atTime(11, 0).atZone(PARIS).toInstant();

        var sent = AtOnce.all(2, () -> reminding.sendDue(dayBefore.plusSeconds(1)));
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(6);
        for (var email : emails) {
            eventually("the reminder to " + email)
                    .until(() -> TestMail.to(email, "Tomorrow").size() == 1);
        }
        assertThat(jdbc.sql("select count(*) from email_outbox where idempotency_key like :k")
                        .param("k", "rsvps.reminder:day-before:%")
                        .query(Integer.class)
                        .single())
                .as("one message per RSVP and reminder")
                .isEqualTo(jdbc.sql(
                                "select count(distinct idempotency_key) from email_outbox where idempotency_key like :k")
                        .param("k", "rsvps.reminder:day-before:%")
                        .query(Integer.class)
                        .single());
        assertThat(TestMail.to(gone, "Tomorrow")).isEmpty();
    }

    @Test
    void a_new_time_tells_the_people_going_with_a_new_calendar_entry_and_moves_their_reminders() throws Exception {
        var action = action(Fixtures.unique("Vigil"));
        var ana = Fixtures.uniqueEmail("ana");
        rsvps.confirmed(action.id(), "Ana", ana, 0);
        // the confirmation and "You are going" arrive first (sent in the background), so letters are in order
        TestMail.await(ana, 2);
        var form = actions.form(action.details().title());

        hosting.edit(Actor.of(owner), action.id(), ActionFixtures.described(form, "Bring a candle."));
        var later = day().plusDays(1);
        hosting.edit(
                Actor.of(owner),
                action.id(),
                ActionFixtures.on(ActionFixtures.described(form, "Bring a candle."), later));

        var changed = TestMail.await(ana, 3).get(2);
        assertThat(changed.getSubject())
                .isEqualTo("Changed: " + action.details().title());
        var event = CalendarFeed.events(CalendarFeed.read(ReceivedMail.attachment(changed, "action.ics")))
                .getFirst();
        assertThat(event.start().toLocalDate()).isEqualTo(later);
        assertThat(event.sequence()).isEqualTo(2);
        eventually("the reminder follows the new day")
                .until(() -> later.minusDays(1)
                        .atTime(11, 0)
                        .atZone(PARIS)
                        .toInstant()
                        .equals(remindersOf(action).getFirst()));
        eventually("both changes were heard").until(() -> pendingListeners() == 0);
        assertThat(TestMail.to(ana, "Changed"))
                .as("the description alone tells no one")
                .hasSize(1);
    }

    @Test
    void an_action_waiting_for_the_organizers_again_skips_the_reminder_due_meanwhile_and_keeps_the_next()
            throws Exception {
        var action = action(Fixtures.unique("Rally"));
        var ana = Fixtures.uniqueEmail("ana");
        var rsvp = rsvps.confirmed(action.id(), "Ana", ana, 0).split("/")[2];
        // as after an untrusted host's edit: back in the organizers' queue
        jdbc.sql("update actions set status = 'PENDING' where id = :a")
                .param("a", action.id().value())
                .update();
        var dayBefore = day().minusDays(1).atTime(11, 0).atZone(PARIS).toInstant();

        reminding.sendDue(dayBefore.plusSeconds(1));

        assertThat(remindersOf(action))
                .as("the reminder two hours before is still ahead")
                .containsExactly(day().atTime(8, 0).atZone(PARIS).toInstant());
        assertThat(jdbc.sql("select count(*) from email_outbox where idempotency_key like :k")
                        .param("k", "rsvps.reminder:%:" + rsvp + ":%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_cancelled_action_tells_the_people_going_and_stops_their_reminders() throws Exception {
        var action = action(Fixtures.unique("Bike ride"));
        var ana = Fixtures.uniqueEmail("ana");
        rsvps.confirmed(action.id(), "Ana", ana, 0);
        // the confirmation and "You are going" arrive first (sent in the background), so letters are in order
        TestMail.await(ana, 2);

        hosting.cancel(Actor.of(owner), action.id());

        var cancelled = TestMail.await(ana, 3).get(2);
        assertThat(cancelled.getSubject())
                .isEqualTo("Cancelled: " + action.details().title());
        var event = CalendarFeed.events(CalendarFeed.read(ReceivedMail.attachment(cancelled, "action.ics")))
                .getFirst();
        assertThat(event.cancelled()).isTrue();
        eventually("no reminder is left").until(() -> remindersOf(action).getFirst() == null);
        var dayBefore = day().minusDays(1).atTime(11, 0).atZone(PARIS).toInstant();
        reminding.sendDue(dayBefore.plusSeconds(1));
        assertThat(TestMail.to(ana, "Tomorrow")).isEmpty();
    }

    int pendingListeners() {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is null and listener_id like '%RemindingRsvps%'""").query(Integer.class).single();
    }
}
