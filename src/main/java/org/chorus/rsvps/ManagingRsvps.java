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
 * ({@link #MESSAGES_PER_DAY} a day per action, each RSVP once, never those who unsubscribed). A host without an account
 * does the same from their action's private manage link. Anyone else is told the action is not found.
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
    private final org.chorus.actions.HostingByEmail byLink;
    private final Clock clock;

    ManagingRsvps(
            Rsvps rsvps,
            Rsvping rsvping,
            ReadingActions actions,
            RsvpLetters letters,
            org.chorus.actions.HostingByEmail byLink,
            Clock clock) {
        this.rsvps = rsvps;
        this.rsvping = rsvping;
        this.actions = actions;
        this.letters = letters;
        this.byLink = byLink;
        this.clock = clock;
    }

    /**
     * The attendees' page: the settings, every confirmed or cancelled RSVP (opened), the seats taken and waiting.
     *
     * @param messagesLeft how many messages the host may still send today
     */
    public record Attendees(
            Action action,
            RsvpSettings settings,
            List<Rsvp> rsvps,
            int going,
            int waitlisted,
            int messagesLeft,
            String path,
            String back) {}

    /**
     * An action whose RSVPs the caller may manage, with the addresses of its pages for them: only this class makes one,
     * after checking who asks ({@link #managed(Actor, ActionId)}, {@link #managedByLink(String)}).
     */
    public static final class Managed {
        private final Action action;
        private final String path;
        private final String back;

        private Managed(Action action, String path, String back) {
            this.action = action;
            this.path = path;
            this.back = back;
        }

        public Action action() {
            return action;
        }

        /** The attendees' page: {@code /actions/<id>/rsvps}, or {@code /actions/manage/<token>/rsvps}. */
        public String path() {
            return path;
        }

        /** The page it is reached from: the action's page, or the manage link's. */
        public String back() {
            return back;
        }
    }

    /** The action, for its host or an organizer of its campaign; 404 for anyone else. */
    public Managed managed(Actor actor, ActionId id) {
        var action = actions.action(id)
                .filter(a -> actions.mayManage(actor, a))
                .orElseThrow(() -> new NotFoundException("action.not-found"));
        return new Managed(action, "/actions/" + id + "/rsvps", "/actions/" + id);
    }

    /** The action its private manage link opens, for its host without an account; 404 for a link not genuine. */
    public Managed managedByLink(String token) {
        var action = byLink.managed(token).action();
        var back = "/actions/manage/"
                + org.springframework.web.util.UriUtils.encodePathSegment(
                        token, java.nio.charset.StandardCharsets.UTF_8);
        return new Managed(action, back + "/rsvps", back);
    }

    @Transactional(readOnly = true)
    public Attendees attendees(Actor actor, ActionId id) {
        return attendees(managed(actor, id));
    }

    @Transactional(readOnly = true)
    public Attendees attendees(Managed managed) {
        var action = managed.action();
        var id = action.id();
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
        return new Attendees(
                action,
                settings,
                list,
                going,
                waitlisted,
                Math.max(0, MESSAGES_PER_DAY - sent),
                managed.path(),
                managed.back());
    }

    @Transactional
    public void change(Actor actor, ActionId id, RsvpSettings settings) {
        change(managed(actor, id), settings);
    }

    /** The host changes the settings; seats a larger capacity frees go to the waitlist at once. */
    @Transactional
    public void change(Managed managed, RsvpSettings settings) {
        var id = managed.action().id();
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
        return message(managed(actor, id), subject, text);
    }

    @Transactional
    public int message(Managed managed, String subject, String text) {
        var action = managed.action();
        var id = action.id();
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
