package org.chorus.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountDirectory;
import org.chorus.actions.Action;
import org.chorus.actions.ActionId;
import org.chorus.actions.ReadingActions;
import org.chorus.email.Mail;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People say they are going to an action: a signed-in person in one click, a guest by confirming an email address
 * (the link's page confirms by POST). A confirmed RSVP goes if its party (the person and their guests) fits the
 * capacity, else it waits; a cancellation, or a larger capacity, promotes the earliest waiting parties that fit, in the
 * same transaction, and tells them by mail. Every decision for one action is taken under the lock of its settings row,
 * so two RSVPs never take the last seat together. One RSVP per person per action (a unique blind index of the
 * address); name, email and answers are sealed in one document, deleted {@code chorus.rsvps.kept-days} after the action
 * ends ({@link RsvpRetention}).
 */
@Service
public class Rsvping {

    public static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    public static final int GUESTS_MAX = 9;

    private final Rsvps rsvps;
    private final ReadingActions actions;
    private final AccountDirectory accounts;
    private final RsvpLimits limits;
    private final RsvpLetters letters;
    private final RsvpLinks links;
    private final PersonalData personalData;
    private final Mail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration kept;

    Rsvping(
            Rsvps rsvps,
            ReadingActions actions,
            AccountDirectory accounts,
            RsvpLimits limits,
            RsvpLetters letters,
            RsvpLinks links,
            PersonalData personalData,
            Mail mail,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${chorus.rsvps.kept-days:30}") int keptDays) {
        this.rsvps = rsvps;
        this.actions = actions;
        this.accounts = accounts;
        this.limits = limits;
        this.letters = letters;
        this.links = links;
        this.personalData = personalData;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.kept = Duration.ofDays(keptDays);
    }

    /**
     * What the guests' form tells about its sender, checked before anything is stored.
     *
     * @param honeypot the hidden field people leave empty; robots fill it
     * @param stamp the signed stamp of the form ({@link RsvpLimits#stamp})
     * @param address the sender's network address; only an HMAC of its prefix is used, and nothing of it is stored
     */
    public record Signals(String honeypot, String stamp, String address) {}

    /** What the form asks: the number of guests (as typed) and the answers to the host's questions, in order. */
    public record Answers(String guests, List<String> answers) {}

    /** The outcome of the confirmation page's button, with the action and the RSVP's own page. */
    public record Confirmation(Outcome outcome, ActionId action, String link) {}

    public enum Outcome {
        GOING,
        WAITLISTED,
        /** the action was cancelled, ended or withdrawn meanwhile: nothing was confirmed */
        CLOSED,
        /** unknown, expired, or used already */
        UNKNOWN
    }

    /** An RSVP's own page: the RSVP, its action (with the exact place) and the host's instructions. */
    public record Own(Rsvp rsvp, Action action, String instructions) {}

    /** The host's questions and whether RSVPs are taken now, for the action page's form. */
    public record FormContext(boolean open, List<String> questions) {}

    public FormContext formContext(ActionId action, boolean isPublic, boolean cancelled, Instant end) {
        var open = isPublic && !cancelled && clock.instant().isBefore(end);
        return new FormContext(
                open, open ? rsvps.settings(action).map(RsvpSettings::questions).orElse(List.of()) : List.of());
    }

    /**
     * Keeps a guest's RSVP and mails the link that confirms it; nothing counts until then. A filled honeypot is
     * answered the same way, with nothing stored or sent; so is an address that has an RSVP already (its owner gets
     * their own link again by mail), so the form tells no one who is going.
     */
    @Transactional
    public void submit(ActionId id, String name, String email, Answers answers, Signals signals, Language language) {
        var action = open(id);
        if (signals.honeypot() != null && !signals.honeypot().isEmpty()) {
            return;
        }
        limits.checkStamp(id, signals.stamp());
        limits.takeNetwork(NetworkPrefix.hash(signals.address()));
        keep(action, name, email, answers, language);
    }

    /**
     * The host or an organizer of the action's campaign records someone's RSVP through the API (OSDI's record
     * attendance helper): as if that person had sent the form, so the letter that confirms it goes to them and nothing
     * counts until they press its button; the form's stamp and network limits give way to the token's own. Returns the
     * RSVP that person already confirmed, or the new one waiting for them. 404 for anyone else.
     */
    @Transactional
    public Rsvp submitFor(Actor actor, ActionId id, String name, String email, Answers answers, Language language) {
        var action = open(id);
        if (!actions.mayManage(actor, action)) {
            throw new NotFoundException("action.not-found");
        }
        return keep(action, name, email, answers, language);
    }

    /** Keeps an RSVP waiting for its confirmation and mails the link, or tells a person already coming so. */
    private Rsvp keep(Action action, String name, String email, Answers answers, Language language) {
        var id = action.id();
        var settings = rsvps.settings(id).orElse(RsvpSettings.NONE);
        var checks = new FieldChecks();
        var contact = checks.check(() -> RsvpContact.written(
                name, email, answers.answers(), settings.questions().size()));
        Integer guests = checks.check(() -> guests(answers.guests()));
        checks.done();
        var index = personalData.index(RsvpContact.canonical(contact.email()), RsvpContact.EMAIL_INDEX);
        limits.takeEmail(HexFormat.of().formatHex(index));
        var now = clock.instant();
        rsvps.lockPerson(id, index);
        var existing = rsvps.ofPerson(id, index);
        if (existing.isPresent() && existing.get().status().confirmed()) {
            var rsvp = existing.get();
            var known = contact(rsvp);
            letters.standing(action, rsvp, known, settings, "already", "rsvps.already:" + rsvp.id() + ":" + now);
            return rsvp(rsvp, known);
        }
        existing.ifPresent(old -> rsvps.delete(old.id()));
        var token = SecretToken.generate();
        var stored = new Rsvps.Stored(
                UUID.randomUUID(),
                id,
                RsvpStatus.UNCONFIRMED,
                guests,
                personalData.seal(contact.toJson(), RsvpContact.COLUMN),
                index,
                null,
                language.tag(),
                SecretToken.generate().value(),
                false,
                now,
                null);
        rsvps.insert(stored, action.campaign(), token.hash(), now.plus(CONFIRMATION_VALIDITY), forgetAt(action));
        letters.confirm(action, contact, token, language);
        return rsvp(stored, contact);
    }

    /** A signed-in person RSVPs in one click (their account's address is confirmed): going or waitlisted at once. */
    @Transactional
    public Rsvp rsvp(Actor actor, ActionId id, Answers answers, Language language) {
        var action = open(id);
        var account = accounts.find(actor.account()).orElseThrow(() -> new NotFoundException("action.not-found"));
        var settings = rsvps.lockSettings(id, clock.instant());
        var checks = new FieldChecks();
        var answered = checks.check(() ->
                RsvpContact.answers(answers.answers(), settings.questions().size()));
        Integer guests = checks.check(() -> guests(answers.guests()));
        checks.done();
        var contact = new RsvpContact(account.displayName(), account.email(), answered);
        var index = personalData.index(RsvpContact.canonical(account.email()), RsvpContact.EMAIL_INDEX);
        rsvps.lockPerson(id, index);
        var existing = rsvps.ofPerson(id, index);
        if (existing.isPresent() && existing.get().status().confirmed()) {
            throw DomainException.conflict("rsvp.already");
        }
        existing.ifPresent(old -> rsvps.delete(old.id()));
        var now = clock.instant();
        var status = settings.fits(rsvps.seatsTaken(id), 1 + guests) ? RsvpStatus.GOING : RsvpStatus.WAITLISTED;
        var stored = new Rsvps.Stored(
                UUID.randomUUID(),
                id,
                status,
                guests,
                personalData.seal(contact.toJson(), RsvpContact.COLUMN),
                index,
                actor.account(),
                language.tag(),
                SecretToken.generate().value(),
                false,
                now,
                now);
        rsvps.insert(stored, action.campaign(), null, null, forgetAt(action));
        confirmed(action, stored, contact, settings);
        return rsvp(stored, contact);
    }

    /** The guest pressed the button of the confirmation page: going or waitlisted, as seats allow. Once. */
    @Transactional
    public Confirmation confirm(String token) {
        var now = clock.instant();
        var found = hash(token).flatMap(h -> rsvps.unconfirmedForUpdate(h, now));
        if (found.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN, null, null);
        }
        var unconfirmed = found.get();
        var action = actions.action(unconfirmed.action()).filter(a -> isOpen(a, now));
        if (action.isEmpty()) {
            rsvps.delete(unconfirmed.id());
            return new Confirmation(Outcome.CLOSED, unconfirmed.action(), null);
        }
        var settings = rsvps.lockSettings(unconfirmed.action(), now);
        var status = settings.fits(rsvps.seatsTaken(unconfirmed.action()), unconfirmed.party())
                ? RsvpStatus.GOING
                : RsvpStatus.WAITLISTED;
        rsvps.confirmed(unconfirmed.id(), status, now);
        var stored = rsvps.byId(unconfirmed.id()).orElseThrow();
        confirmed(action.get(), stored, contact(stored), settings);
        return new Confirmation(
                status == RsvpStatus.GOING ? Outcome.GOING : Outcome.WAITLISTED,
                stored.action(),
                links.path(stored.id(), stored.linkSalt()));
    }

    private void confirmed(Action action, Rsvps.Stored rsvp, RsvpContact contact, RsvpSettings settings) {
        rsvps.markForCount(rsvp.action());
        if (rsvp.status() == RsvpStatus.GOING) {
            rsvps.remindAt(rsvp.id(), RemindingRsvps.next(action, clock.instant()));
        }
        var why = rsvp.status() == RsvpStatus.GOING ? "going" : "waitlisted";
        letters.standing(action, rsvp, contact, settings, why, "rsvps." + why + ":" + rsvp.id());
        events.publishEvent(new RsvpConfirmed(rsvp.id(), rsvp.action(), rsvp.status()));
    }

    /** The RSVP its own link opens, with its action and the host's instructions; 404 for a link not genuine. */
    @Transactional(readOnly = true)
    public Own own(UUID id, String signature) {
        var stored = linked(id, signature);
        var action = actions.action(stored.action()).orElseThrow(() -> new NotFoundException("rsvp.link-unknown"));
        var settings = rsvps.settings(stored.action()).orElse(RsvpSettings.NONE);
        return new Own(rsvp(stored, contact(stored)), action, settings.instructions());
    }

    /** The signed-in person's current RSVP to the action (for its page), if any. */
    @Transactional(readOnly = true)
    public Optional<Rsvp> ofViewer(Actor viewer, ActionId action) {
        return rsvps.ofAccount(action, viewer.account()).map(stored -> rsvp(stored, null));
    }

    /**
     * Cancels the RSVP its link names; the seats it frees go to the earliest waiting parties that fit. Cancelling again
     * changes nothing.
     */
    @Transactional
    public Rsvp cancel(UUID id, String signature) {
        return cancelled(linked(id, signature));
    }

    /**
     * The signed-in account cancels its own RSVP to the action (the API's; the page's button uses the RSVP's link), as
     * its link would; 404 when it has none (a cancelled one is none).
     */
    @Transactional
    public Rsvp cancel(Actor actor, ActionId action) {
        return cancelled(rsvps.ofAccount(action, actor.account())
                .orElseThrow(() -> new NotFoundException("rsvp.none-of-yours")));
    }

    private Rsvp cancelled(Rsvps.Stored seen) {
        var id = seen.id();
        var settings = rsvps.lockSettings(seen.action(), clock.instant());
        var stored = rsvps.byIdForUpdate(id).orElseThrow(() -> new NotFoundException("rsvp.link-unknown"));
        if (stored.status() == RsvpStatus.CANCELLED) {
            return rsvp(stored, contact(stored));
        }
        rsvps.status(id, RsvpStatus.CANCELLED);
        // a reminder queued ahead of its moment does not go
        mail.withdrawBatches(List.of(RemindingRsvps.batch(id)));
        rsvps.markForCount(stored.action());
        events.publishEvent(new RsvpCancelled(id, stored.action()));
        if (stored.status() == RsvpStatus.GOING) {
            promote(stored.action(), settings);
        }
        return rsvp(rsvps.byId(id).orElseThrow(), contact(stored));
    }

    /** The host's messages stop reaching this RSVP (RFC 8058 one-click, or the button of its page). */
    @Transactional
    public void unsubscribe(UUID id, String signature) {
        linked(id, signature);
        rsvps.unsubscribe(id);
        mail.stopList(RsvpLinks.list(id));
    }

    /**
     * Promotes, in the order they confirmed, every waiting party that fits in the seats left; called under the lock
     * of the action's settings row. Each is told by mail, with the exact place.
     */
    void promote(ActionId id, RsvpSettings settings) {
        var waiting = rsvps.waitlist(id);
        if (waiting.isEmpty()) {
            return;
        }
        var action = actions.action(id).orElse(null);
        int taken = rsvps.seatsTaken(id);
        for (var rsvp : waiting) {
            if (!settings.fits(taken, rsvp.party())) {
                continue;
            }
            taken += rsvp.party();
            rsvps.status(rsvp.id(), RsvpStatus.GOING);
            if (action != null) {
                rsvps.remindAt(rsvp.id(), RemindingRsvps.next(action, clock.instant()));
            }
            rsvps.markForCount(id);
            var promoted = rsvps.byId(rsvp.id()).orElseThrow();
            if (action != null && promoted.contact() != null) {
                letters.standing(
                        action, promoted, contact(promoted), settings, "promoted", "rsvps.promoted:" + rsvp.id());
            }
            events.publishEvent(new RsvpConfirmed(rsvp.id(), id, RsvpStatus.GOING));
        }
    }

    /** When an RSVP to this action forgets who it was: the retention period after the action ends. */
    Instant forgetAt(Action action) {
        return action.details().end().toInstant().plus(kept);
    }

    Rsvp rsvp(Rsvps.Stored stored, RsvpContact contact) {
        return new Rsvp(
                stored.id(),
                stored.action(),
                stored.status(),
                stored.guests(),
                contact,
                stored.unsubscribed(),
                stored.createdAt(),
                stored.confirmedAt(),
                links.path(stored.id(), stored.linkSalt()));
    }

    RsvpContact contact(Rsvps.Stored stored) {
        return stored.contact() == null
                ? null
                : RsvpContact.fromJson(personalData.open(stored.contact(), RsvpContact.COLUMN));
    }

    private Rsvps.Stored linked(UUID id, String signature) {
        return rsvps.byId(id)
                .filter(stored -> stored.status() != RsvpStatus.UNCONFIRMED)
                .filter(stored -> links.valid(id, stored.linkSalt(), signature))
                .orElseThrow(() -> new NotFoundException("rsvp.link-unknown"));
    }

    /** The action, if people may RSVP to it now: public, not cancelled, not over. */
    private Action open(ActionId id) {
        var action = actions.action(id)
                .filter(Action::isPublic)
                .orElseThrow(() -> new NotFoundException("action.not-found"));
        if (!isOpen(action, clock.instant())) {
            throw DomainException.conflict("rsvp.closed");
        }
        return action;
    }

    private static boolean isOpen(Action action, Instant now) {
        return action.isPublic()
                && !action.cancelled()
                && now.isBefore(action.details().end().toInstant());
    }

    private static int guests(String typed) {
        if (typed == null || typed.isBlank()) {
            return 0;
        }
        try {
            int guests = Integer.parseInt(typed.strip());
            if (guests >= 0 && guests <= GUESTS_MAX) {
                return guests;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidField("guests", "rsvp.guests.out-of-range", GUESTS_MAX);
    }

    private static Optional<String> hash(String token) {
        return token == null || token.isBlank() || token.length() > 100
                ? Optional.empty()
                : Optional.of(SecretToken.hash(token));
    }
}
