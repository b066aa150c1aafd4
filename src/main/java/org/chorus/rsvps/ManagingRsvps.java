package org.chorus.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.chorus.actions.Action;
import org.chorus.actions.ActionId;
import org.chorus.actions.ReadingActions;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an action's host and its campaign's organizers do with its RSVPs: set the capacity, the questions and the
 * instructions (a larger capacity promotes the waitlist at once), see who is coming and export them, and message them
 * ({@link #MESSAGES_PER_DAY} a day per action, each RSVP once, never those who unsubscribed). Anyone else is told the
 * action is not found.
 */
@Service
public class ManagingRsvps {

    /** The most RSVPs the attendees' page and the export list, first come first. */
    public static final int ATTENDEES_MOST = 10_000;

    public static final int MESSAGES_PER_DAY = 3;
    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 5_000;
    private static final Duration MESSAGE_WINDOW = Duration.ofHours(24);

    private final Rsvps rsvps;
    private final Rsvping rsvping;
    private final ReadingActions actions;
    private final RsvpLetters letters;
    private final Clock clock;

    ManagingRsvps(Rsvps rsvps, Rsvping rsvping, ReadingActions actions, RsvpLetters letters, Clock clock) {
        this.rsvps = rsvps;
        this.rsvping = rsvping;
        this.actions = actions;
        this.letters = letters;
        this.clock = clock;
    }

    /**
     * The attendees' page: the settings, every confirmed or cancelled RSVP (opened), the seats taken and waiting.
     *
     * @param messagesLeft how many messages the host may still send today
     */
    public record Attendees(
            Action action, RsvpSettings settings, List<Rsvp> rsvps, int going, int waitlisted, int messagesLeft) {}

    @Transactional(readOnly = true)
    public Attendees attendees(Actor actor, ActionId id) {
        var action = managed(actor, id);
        var settings = rsvps.settings(id).orElse(RsvpSettings.NONE);
        var list = rsvps.attendees(id, ATTENDEES_MOST).stream()
                .map(stored -> rsvping.rsvp(stored, rsvping.contact(stored)))
                .toList();
        int going = list.stream()
                .filter(r -> r.status() == RsvpStatus.GOING)
                .mapToInt(Rsvp::party)
                .sum();
        int waitlisted = list.stream()
                .filter(r -> r.status() == RsvpStatus.WAITLISTED)
                .mapToInt(Rsvp::party)
                .sum();
        int sent = rsvps.messagesSince(id, clock.instant().minus(MESSAGE_WINDOW));
        return new Attendees(action, settings, list, going, waitlisted, Math.max(0, MESSAGES_PER_DAY - sent));
    }

    /** The host changes the settings; seats a larger capacity frees go to the waitlist at once. */
    @Transactional
    public void change(Actor actor, ActionId id, RsvpSettings settings) {
        managed(actor, id);
        rsvps.lockSettings(id, clock.instant());
        rsvps.saveSettings(id, settings, clock.instant());
        rsvping.promote(id, settings);
    }

    /**
     * Mails the message to every going and waitlisted RSVP that did not unsubscribe; returns how many. Past
     * {@link #MESSAGES_PER_DAY} in 24 hours: 429 with the seconds to wait, nothing sent.
     */
    @Transactional
    public int message(Actor actor, ActionId id, String subject, String text) {
        var action = managed(actor, id);
        var checks = new FieldChecks();
        var cleanSubject = checks.check(() -> required("subject", subject, SUBJECT_MAX));
        var cleanText = checks.check(() -> required("text", text, TEXT_MAX));
        checks.done();
        // one message at a time per action, so the limit is not passed by two at once
        rsvps.lockSettings(id, clock.instant());
        var now = clock.instant();
        var since = now.minus(MESSAGE_WINDOW);
        if (rsvps.messagesSince(id, since) >= MESSAGES_PER_DAY) {
            var first = rsvps.firstMessageSince(id, since).orElse(now);
            long wait = Math.max(
                    1, Duration.between(now, first.plus(MESSAGE_WINDOW)).toSeconds());
            throw new DomainException(429, "rsvp.message.rate-limited", MESSAGES_PER_DAY, wait);
        }
        var message = UUID.randomUUID();
        rsvps.messageSent(message, id, now);
        int sent = 0;
        for (var rsvp : rsvps.current(id, false)) {
            if (rsvp.unsubscribed()) {
                continue;
            }
            letters.hostMessage(action, rsvp, rsvping.contact(rsvp), cleanSubject, cleanText, message);
            sent++;
        }
        return sent;
    }

    private Action managed(Actor actor, ActionId id) {
        return actions.action(id)
                .filter(action -> actions.mayManage(actor, action))
                .orElseThrow(() -> new NotFoundException("action.not-found"));
    }

    private static String required(String field, String typed, int max) {
        var clean = typed == null ? "" : typed.strip();
        if (clean.isEmpty()) {
            throw new InvalidField(field, "rsvp.message." + field + ".required");
        }
        if (clean.length() > max) {
            throw new InvalidField(field, "rsvp.text.too-long", max);
        }
        return clean;
    }
}
