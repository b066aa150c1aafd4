package org.chorus.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.chorus.actions.Action;
import org.chorus.actions.ActionApproved;
import org.chorus.actions.ActionCancelled;
import org.chorus.actions.ActionChanged;
import org.chorus.actions.ActionId;
import org.chorus.actions.ReadingActions;
import org.chorus.email.Mail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and changes, for the people going to an action. Each RSVP going keeps the moment of its next reminder
 * ({@code rsvps.remind_at}): the day before at 11:00, then two hours before, in the action's own zone. The job
 * {@code send-rsvp-reminders} ({@link RsvpJobs}) sends what is due in batches, each in one transaction that queues the
 * letters and moves each RSVP's moment on; a letter's idempotency key names the RSVP, the reminder and the start, so a
 * run repeated after a crash, or on another node, sends nothing twice. A change of the action's time or place tells
 * the people going (a new calendar entry, its sequence raised) and moves their reminders; a cancellation tells them
 * (the entry marked cancelled) and stops the reminders.
 */
@Service
public class RemindingRsvps {

    /** The reminders, in the order they come. */
    public enum Reminder {
        /** the day before the action's day, at {@link #DAY_BEFORE_AT} in its zone */
        DAY_BEFORE("day-before"),
        /** {@link #SOON_BEFORE} before it starts */
        SOON("soon");

        private final String tag;

        Reminder(String tag) {
            this.tag = tag;
        }

        /** Its name in letters' keys and messages. */
        public String tag() {
            return tag;
        }
    }

    public static final LocalTime DAY_BEFORE_AT = LocalTime.of(11, 0);
    public static final Duration SOON_BEFORE = Duration.ofHours(2);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RemindingRsvps.class);

    /**
     * How long before their moment reminders are queued: the outbox holds each until then ({@code not_before}), and a
     * change of the action, or of the RSVP, meanwhile withdraws it. Ten thousand reminders due in the same minute are
     * ready when it comes, instead of being written while the first ones are sent.
     */
    static final Duration AHEAD = Duration.ofMinutes(10);

    /** RSVPs taken per transaction of a run. */
    static final int BATCH = 500;

    private final Rsvps rsvps;
    private final Rsvping rsvping;
    private final RsvpLetters letters;
    private final ReadingActions actions;
    private final Mail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RemindingRsvps(
            Rsvps rsvps,
            Rsvping rsvping,
            RsvpLetters letters,
            ReadingActions actions,
            Mail mail,
            TransactionTemplate transactions,
            Clock clock) {
        this.rsvps = rsvps;
        this.rsvping = rsvping;
        this.letters = letters;
        this.actions = actions;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** When the reminder is due for the action: in its zone, on the day before its start's day or before its start. */
    static Instant moment(Action action, Reminder reminder) {
        var start = action.details().start();
        return switch (reminder) {
            case DAY_BEFORE ->
                start.toLocalDate()
                        .minusDays(1)
                        .atTime(DAY_BEFORE_AT)
                        .atZone(start.getZone())
                        .toInstant();
            case SOON -> start.toInstant().minus(SOON_BEFORE);
        };
    }

    /** The RSVP's next reminder after {@code now}: the first whose moment is still ahead; none once both passed. */
    static Instant next(Action action, Instant now) {
        for (var reminder : Reminder.values()) {
            var at = moment(action, reminder);
            if (at.isAfter(now)) {
                return at;
            }
        }
        return null;
    }

    /**
     * The reminder to send now: the latest one whose moment has come, while the action has not started (an RSVP whose
     * day-before reminder was missed gets only the one two hours before once that is due).
     */
    static Optional<Reminder> due(Action action, Instant now) {
        if (!now.isBefore(action.details().start().toInstant())) {
            return Optional.empty();
        }
        Reminder due = null;
        for (var reminder : Reminder.values()) {
            if (!moment(action, reminder).isAfter(now)) {
                due = reminder;
            }
        }
        return Optional.ofNullable(due);
    }

    /**
     * Queues the reminders due within {@link #AHEAD}, a batch per transaction, until none is; returns how many were
     * queued. Each is held by the outbox until its moment, so they go out at the email engine's rate from then on.
     */
    public int sendDue() {
        return sendDue(clock.instant());
    }

    /**
     * Queues the reminders due by {@code now} plus {@link #AHEAD}, each to be sent after as long as its moment is ahead
     * of {@code now}: the job passes the clock's time; tests pass a reminder's moment, days ahead, without moving the
     * clock every other test reads.
     */
    public int sendDue(Instant now) {
        int sent = 0;
        while (true) {
            var batch = transactions.execute(status -> sendBatch(now));
            sent += batch[0];
            if (batch[1] < BATCH) {
                return sent;
            }
        }
    }

    /** One batch: {queued, taken}. */
    private int[] sendBatch(Instant now) {
        var due = rsvps.dueReminders(now.plus(AHEAD), BATCH);
        if (due.isEmpty()) {
            return new int[] {0, 0};
        }
        var ids = new LinkedHashSet<ActionId>();
        due.forEach(d -> ids.add(d.rsvp().action()));
        var found = new HashMap<ActionId, Action>();
        actions.actions(ids).forEach(a -> found.put(a.id(), a));
        var settings = rsvps.settingsOf(ids);
        var calendars = new HashMap<ActionId, String>();
        var outgoing = new ArrayList<Mail.Outgoing>();
        var moves = new HashMap<java.util.UUID, Instant>();
        for (var due1 : due) {
            var rsvp = due1.rsvp();
            // its moment, or now for one that is late (the job was down): the latest reminder due then is sent
            var at = due1.at().isAfter(now) ? due1.at() : now;
            var action = found.get(rsvp.action());
            if (action == null || action.cancelled()) {
                moves.put(rsvp.id(), null);
                continue;
            }
            if (!action.isPublic()) {
                // an edit waits for the organizers again: this reminder is not sent, the next one may be (and this one
                // comes back if the edit is approved before its moment)
                moves.put(rsvp.id(), next(action, at));
                continue;
            }
            var reminder = due(action, at);
            var contact = rsvping.contact(rsvp);
            if (reminder.isPresent() && contact != null) {
                var calendar = calendars.computeIfAbsent(action.id(), id -> calendarOf(action));
                outgoing.add(letters.reminder(
                        action,
                        rsvp,
                        contact,
                        settings.getOrDefault(action.id(), RsvpSettings.NONE),
                        reminder.get(),
                        calendar,
                        Duration.between(now, at)));
            }
            moves.put(rsvp.id(), next(action, at));
        }
        // the batch's letters in two statements and its moves in one, in its transaction
        int queued = mail.sendEach(outgoing);
        rsvps.remindAt(moves);
        return new int[] {queued, due.size()};
    }

    /** The batch of the RSVP's reminders in the outbox, by which those queued ahead are withdrawn. */
    static String batch(java.util.UUID rsvp) {
        return "rsvps.reminder:" + rsvp;
    }

    /**
     * Withdraws the reminders of the action's RSVPs going that were queued ahead of their moment; those RSVPs, and what
     * the reminder job may hold of them, wait for this transaction.
     */
    private void withdrawQueued(Action action) {
        var going = rsvps.lockGoing(action.id());
        mail.withdrawBatches(going.stream().map(RemindingRsvps::batch).toList());
    }

    /** Withdraws what was queued ahead and reminds the people going again from {@code now}, as the action now is. */
    private void remindAgain(Action action, Instant now) {
        withdrawQueued(action);
        rsvps.remindAgain(action.id(), next(action, now), now);
    }

    /**
     * The action's calendar entry for its letters; empty, and the letter goes without it rather than not at all,
     * should the action's data be something the calendar cannot say (logged, for the operator).
     */
    private String calendarOf(Action action) {
        try {
            return actions.calendarWithPlace(action);
        } catch (RuntimeException e) {
            log.warn("No calendar entry for the reminders of action {}: {}", action.id(), e.toString());
            return "";
        }
    }

    /**
     * The action changed: reminders queued ahead of their moment are withdrawn and queued again as it now is, and
     * follow its new time; if its time or place changed, the people going hear.
     */
    @ApplicationModuleListener
    void on(ActionChanged changed) {
        var action = actions.action(changed.action()).orElse(null);
        if (action == null || action.cancelled()) {
            return;
        }
        var now = clock.instant();
        remindAgain(action, now);
        if (!changed.movedOrRescheduled()
                || !now.isBefore(action.details().end().toInstant())) {
            return;
        }
        var calendar = calendarOf(action);
        var exactForAll = action.details().exactPlacePublicAt(now);
        for (var rsvp : rsvps.current(action.id(), false)) {
            var contact = rsvping.contact(rsvp);
            if (contact == null) {
                continue;
            }
            var going = rsvp.status() == RsvpStatus.GOING;
            letters.changed(action, rsvp, contact, going ? calendar : "", going || exactForAll);
        }
    }

    /** The action was approved again after an edit: a reminder skipped while it waited comes back if still ahead. */
    @ApplicationModuleListener
    void on(ActionApproved approved) {
        actions.action(approved.action())
                .filter(action -> !action.cancelled())
                .ifPresent(action -> remindAgain(action, clock.instant()));
    }

    /** The action was called off: no more reminders, those queued ahead withdrawn, and the people going or waiting hear it. */
    @ApplicationModuleListener
    void on(ActionCancelled cancelled) {
        var action = actions.action(cancelled.action()).orElse(null);
        if (action == null) {
            return;
        }
        withdrawQueued(action);
        rsvps.stopReminders(action.id());
        if (!clock.instant().isBefore(action.details().end().toInstant())) {
            return;
        }
        var calendar = calendarOf(action);
        for (var rsvp : rsvps.current(action.id(), false)) {
            var contact = rsvping.contact(rsvp);
            if (contact != null) {
                letters.actionCancelled(action, rsvp, contact, rsvp.status() == RsvpStatus.GOING ? calendar : "");
            }
        }
    }
}
