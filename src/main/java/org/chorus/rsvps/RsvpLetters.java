package org.chorus.rsvps;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chorus.actions.Action;
import org.chorus.actions.ActionTimes;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The letters about an RSVP, each queued in the transaction that causes it with an idempotency key: the guest's
 * confirmation link, "you are going" (or promoted from the waitlist) with the exact place and the host's instructions,
 * "you are on the waitlist", the host's messages (with a one-click unsubscribe for that action). Every letter after
 * the confirmation carries the RSVP's own link, which also cancels it.
 */
@Component
class RsvpLetters {

    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final RsvpLinks links;
    private final SiteName site;

    RsvpLetters(Mail mail, MessageSource messages, ChorusProperties properties, RsvpLinks links, SiteName site) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.links = links;
        this.site = site;
    }

    void confirm(Action action, RsvpContact contact, SecretToken token, Language language) {
        var t = new Messages(messages, language.locale());
        var title = action.details().title();
        var letter = new Letter(
                "rsvps.confirm",
                language,
                t.t("rsvp.mail.confirm.subject", title),
                List.of(
                        new LetterBlock.Paragraph(t.t("rsvp.mail.confirm.intro", contact.name(), title)),
                        new LetterBlock.Button(
                                t.t("rsvp.mail.confirm.button"),
                                properties.link("/rsvps/confirm/" + token.value() + "?lang=" + language.tag())),
                        new LetterBlock.Paragraph(
                                t.t("rsvp.mail.confirm.validity", Rsvping.CONFIRMATION_VALIDITY.toHours())),
                        new LetterBlock.Paragraph(t.t("rsvp.mail.not-you"))),
                t.t("rsvp.mail.reason", site.name()));
        mail.send(letter, Addressee.transactional(contact.email(), contact.name(), "rsvps.confirm:" + token.hash()));
    }

    /**
     * Where the RSVP stands now: going (why: {@code going}, or {@code promoted} from the waitlist) with the exact place
     * and the instructions, or waitlisted; {@code already}: they asked again while confirmed.
     */
    void standing(
            Action action, Rsvps.Stored rsvp, RsvpContact contact, RsvpSettings settings, String why, String key) {
        var language = Language.byTag(rsvp.language()).orElse(Language.DEFAULT);
        var t = new Messages(messages, language.locale());
        var d = action.details();
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail." + why + ".intro", contact.name(), d.title())));
        if (rsvp.status() == RsvpStatus.GOING) {
            whenAndWhere(blocks, t, action, language, true);
            instructions(blocks, t, settings);
        }
        blocks.add(new LetterBlock.Button(
                t.t("rsvp.mail.own.button"), links.url(rsvp.id(), rsvp.linkSalt(), language.tag())));
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.own.keep")));
        var letter = new Letter(
                "rsvps." + why,
                language,
                t.t("rsvp.mail." + why + ".subject", d.title()),
                blocks,
                t.t("rsvp.mail.reason", site.name()));
        mail.send(letter, Addressee.transactional(contact.email(), contact.name(), key));
    }

    /**
     * The reminder the day before or two hours before: when, the exact place, what the action is, the host's
     * instructions, the calendar entry attached (unless {@code calendar} is empty), and the RSVP's link to cancel; for
     * the caller to queue with the others of its batch ({@link Mail#sendEach}), to go after {@code after}.
     */
    Mail.Outgoing reminder(
            Action action,
            Rsvps.Stored rsvp,
            RsvpContact contact,
            RsvpSettings settings,
            RemindingRsvps.Reminder reminder,
            String calendar,
            java.time.Duration after) {
        var language = Language.byTag(rsvp.language()).orElse(Language.DEFAULT);
        var t = new Messages(messages, language.locale());
        var d = action.details();
        var which = reminder.tag();
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.reminder." + which + ".intro", contact.name(), d.title())));
        whenAndWhere(blocks, t, action, language, true);
        if (!d.description().isBlank()) {
            blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.about", excerpt(d.description()))));
        }
        instructions(blocks, t, settings);
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.cannot-come")));
        ownLink(blocks, t, rsvp, language);
        if (!calendar.isEmpty()) {
            blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.calendar")));
        }
        var letter = withCalendar(
                new Letter(
                        "rsvps.reminder",
                        language,
                        t.t("rsvp.mail.reminder." + which + ".subject", d.title()),
                        blocks,
                        t.t("rsvp.mail.reason", site.name()),
                        RemindingRsvps.batch(rsvp.id())),
                calendar);
        return new Mail.Outgoing(
                letter,
                Addressee.transactional(
                        contact.email(),
                        contact.name(),
                        "rsvps.reminder:" + which + ":" + rsvp.id() + ":"
                                + d.start().toEpochSecond()),
                after);
    }

    /**
     * The action's time or place changed: what it is now, with the calendar entry that replaces the old one (its
     * sequence raised) for people going; people waiting hear the time and the place as the public sees it, and get no
     * entry ({@code calendar} empty).
     */
    void changed(Action action, Rsvps.Stored rsvp, RsvpContact contact, String calendar, boolean exactPlace) {
        var language = Language.byTag(rsvp.language()).orElse(Language.DEFAULT);
        var t = new Messages(messages, language.locale());
        var d = action.details();
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.changed.intro", contact.name(), d.title())));
        whenAndWhere(blocks, t, action, language, exactPlace);
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.cannot-come")));
        ownLink(blocks, t, rsvp, language);
        if (!calendar.isEmpty()) {
            blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.calendar")));
        }
        var letter = withCalendar(
                new Letter(
                        "rsvps.action-changed",
                        language,
                        t.t("rsvp.mail.changed.subject", d.title()),
                        blocks,
                        t.t("rsvp.mail.reason", site.name())),
                calendar);
        mail.send(
                letter,
                Addressee.transactional(
                        contact.email(), contact.name(), "rsvps.changed:" + rsvp.id() + ":" + action.sequence()));
    }

    /**
     * The action was cancelled: the calendar entry that takes it off (STATUS:CANCELLED) for people going; none for
     * people waiting ({@code calendar} empty).
     */
    void actionCancelled(Action action, Rsvps.Stored rsvp, RsvpContact contact, String calendar) {
        var language = Language.byTag(rsvp.language()).orElse(Language.DEFAULT);
        var t = new Messages(messages, language.locale());
        var d = action.details();
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.cancelled.intro", contact.name(), d.title())));
        blocks.add(when(t, action, language));
        var letter = withCalendar(
                new Letter(
                        "rsvps.action-cancelled",
                        language,
                        t.t("rsvp.mail.cancelled.subject", d.title()),
                        blocks,
                        t.t("rsvp.mail.reason", site.name())),
                calendar);
        mail.send(
                letter,
                Addressee.transactional(contact.email(), contact.name(), "rsvps.action-cancelled:" + rsvp.id()));
    }

    /**
     * The thank-you once the action is over: the organizers' words about the campaign's next step, and a button to it
     * (their link, else the campaign's page). Not sent to an RSVP that stopped the messages about this action.
     */
    void thanks(Action action, Rsvps.Stored rsvp, RsvpContact contact, RsvpThanks thanks) {
        var language = Language.byTag(rsvp.language()).orElse(Language.DEFAULT);
        var t = new Messages(messages, language.locale());
        var d = action.details();
        var link = thanks.link() != null
                ? thanks.link()
                : properties.link("/c/" + action.campaignSlug() + "?lang=" + language.tag());
        var letter = new Letter(
                "rsvps.thanks",
                language,
                t.t("rsvp.mail.thanks.subject", d.title()),
                List.of(
                        new LetterBlock.Paragraph(t.t("rsvp.mail.thanks.intro", contact.name(), d.title())),
                        new LetterBlock.Paragraph(t.t("rsvp.mail.thanks.next")),
                        new LetterBlock.Paragraph(thanks.text()),
                        new LetterBlock.Button(t.t("rsvp.mail.thanks.button"), link)),
                t.t("rsvp.mail.message.reason", d.title()));
        mail.send(
                letter,
                new Addressee(
                        contact.email(),
                        contact.name(),
                        "rsvps.thanks:" + rsvp.id(),
                        links.subscription(rsvp.id(), rsvp.linkSalt())));
    }

    private static void whenAndWhere(
            List<LetterBlock> blocks, Messages t, Action action, Language language, boolean exactPlace) {
        blocks.add(when(t, action, language));
        blocks.add(new LetterBlock.Paragraph(
                t.t("rsvp.mail.where", exactPlace ? place(action, language) : publicPlace(action, language))));
    }

    private static LetterBlock when(Messages t, Action action, Language language) {
        var d = action.details();
        return new LetterBlock.Paragraph(t.t(
                "rsvp.mail.when",
                ActionTimes.when(d.start(), language.locale()),
                d.zone().getId()));
    }

    /** The letter with the action's calendar entry attached, unless there is none ({@code calendar} empty). */
    private static Letter withCalendar(Letter letter, String calendar) {
        return calendar.isEmpty() ? letter : letter.attaching(Letter.Attachment.calendar("action", calendar));
    }

    private static void instructions(List<LetterBlock> blocks, Messages t, RsvpSettings settings) {
        if (!settings.instructions().isEmpty()) {
            blocks.add(new LetterBlock.Paragraph(t.t("rsvp.mail.instructions", settings.instructions())));
        }
    }

    private void ownLink(List<LetterBlock> blocks, Messages t, Rsvps.Stored rsvp, Language language) {
        blocks.add(new LetterBlock.Button(
                t.t("rsvp.mail.own.button"), links.url(rsvp.id(), rsvp.linkSalt(), language.tag())));
    }

    /** The most of an action's description a reminder quotes. */
    static final int EXCERPT = 1_500;

    private static String excerpt(String description) {
        var text = description.strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1).strip() + "…";
    }

    /** The place as anyone may see it: the online address, or the city and country only when it is approximate. */
    static String publicPlace(Action action, Language language) {
        var d = action.details();
        if (d.online() || !d.approximate()) {
            return place(action, language);
        }
        return d.place().cityName() + ", "
                + java.util.Locale.of("", d.place().country()).getDisplayCountry(language.locale());
    }

    /** The host's message to one RSVP, with the one-click unsubscribe that stops the host's messages for this action. */
    void hostMessage(Action action, Rsvps.Stored rsvp, RsvpContact contact, String subject, String text, UUID message) {
        var language = Language.byTag(rsvp.language()).orElse(Language.DEFAULT);
        var t = new Messages(messages, language.locale());
        var letter = new Letter(
                "rsvps.host-message",
                language,
                subject,
                List.of(
                        new LetterBlock.Paragraph(
                                t.t("rsvp.mail.message.intro", action.details().title())),
                        new LetterBlock.Paragraph(text),
                        new LetterBlock.Button(
                                t.t("rsvp.mail.own.button"), links.url(rsvp.id(), rsvp.linkSalt(), language.tag()))),
                t.t("rsvp.mail.message.reason", action.details().title()));
        mail.send(
                letter,
                new Addressee(
                        contact.email(),
                        contact.name(),
                        "rsvps.message:" + message + ":" + rsvp.id(),
                        links.subscription(rsvp.id(), rsvp.linkSalt())));
    }

    /** The exact place, in words: the online address, or the venue, address, city and country. */
    static String place(Action action, Language language) {
        var d = action.details();
        if (d.online()) {
            return d.onlineUrl();
        }
        var p = d.place();
        var parts = new ArrayList<String>();
        if (!p.venue().isEmpty()) {
            parts.add(p.venue());
        }
        if (!p.address().isEmpty()) {
            parts.add(p.address());
        }
        parts.add(p.cityName());
        parts.add(java.util.Locale.of("", p.country()).getDisplayCountry(language.locale()));
        return String.join(", ", parts);
    }
}
