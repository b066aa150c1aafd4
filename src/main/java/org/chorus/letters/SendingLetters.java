package org.chorus.letters;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supporter sends the campaign's letter to the officials of their country, one of two ways.
 *
 * <p>Through Chorus: the personalized letter waits sealed ({@code letter_drafts}) until its sender presses the button
 * of the page their confirmation link opens ({@link #CONFIRMATION_VALIDITY}); then one message per official with a
 * public address goes out from the platform's address with the supporter in Reply-To, the sealed letter is deleted and
 * only counts remain, with the blind index of the address for the limit of one letter per campaign and day (forgotten
 * after {@link #SENDER_KEPT}). The locked parts come from the stored letter whatever the form sends.
 *
 * <p>From their own mail: Chorus gives the compose links ({@link ComposeLinks}) and counts the letter only when the
 * supporter says they sent it.
 */
@Service
public class SendingLetters {

    public static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    public static final Duration SENDER_KEPT = Duration.ofDays(30);
    public static final int NAME_MAX = 200;
    static final String CONTENT_COLUMN = "letter_drafts.content";
    static final String EMAIL_INDEX = "letter_senders.email";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Letters letters;
    private final ReadingLetters reading;
    private final ReadingCampaigns campaigns;
    private final LetterStamps stamps;
    private final LetterRateLimits limits;
    private final PersonalData personalData;
    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final SiteName site;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendingLetters(
            Letters letters,
            ReadingLetters reading,
            ReadingCampaigns campaigns,
            LetterStamps stamps,
            LetterRateLimits limits,
            PersonalData personalData,
            Mail mail,
            MessageSource messages,
            ChorusProperties properties,
            SiteName site,
            ApplicationEventPublisher events,
            Clock clock) {
        this.letters = letters;
        this.reading = reading;
        this.campaigns = campaigns;
        this.stamps = stamps;
        this.limits = limits;
        this.personalData = personalData;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.site = site;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the supporter's form sends: who they are, the parts they may change (the subject only when it is not locked)
     * and the officials they chose (ids).
     */
    public record Written(
            String name, String email, String subject, String opening, String closing, List<String> targets) {

        public Written {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /**
     * What the form tells about its sender, checked before anything is stored.
     *
     * @param honeypot the hidden field people leave empty; robots fill it
     * @param stamp the signed stamp of the form ({@link LetterStamps})
     * @param address the sender's network address; only an HMAC of its prefix is used, and nothing of it is stored
     */
    public record Signals(String honeypot, String stamp, String address) {}

    /** The letter as it goes out, and to whom. */
    public record Personalized(
            PublishedCampaign campaign,
            String country,
            String name,
            String subject,
            String body,
            List<Target> targets) {

        public List<Target> mailable() {
            return targets.stream().filter(Target::mailable).toList();
        }

        public List<Target> webForms() {
            return targets.stream().filter(t -> !t.mailable()).toList();
        }

        /** The mailto, Gmail and Outlook links for the officials with an address; null when none has one. */
        public ComposeLinks links() {
            var to = mailable().stream().map(Target::email).toList();
            return to.isEmpty() ? null : ComposeLinks.of(to, subject, body);
        }
    }

    /** The outcome of the confirmation page's button. */
    public record Confirmation(Outcome outcome, String campaignSlug, Personalized letter, long retryAfterSeconds) {}

    public enum Outcome {
        SENT,
        EXPIRED,
        /** the letter is closed (turned off, outside its window) or none of its officials is left: nothing went */
        CLOSED,
        /** this address already sent the campaign's letter today */
        ALREADY_SENT,
        /** an official got too many letters this hour: the link stays good, try later */
        TRY_LATER,
        /** unknown, or used already */
        UNKNOWN
    }

    /** The sealed content of a letter waiting for its sender. */
    record Content(String name, String email, String subject, String body) {
        @Override
        public String toString() {
            return "Content[hidden]";
        }
    }

    /**
     * Keeps the personalized letter sealed and mails its sender the link that sends it; nothing goes to an official
     * until then. A filled honeypot is answered the same way, with nothing stored or sent.
     */
    @Transactional
    public PublishedCampaign submit(String slug, String country, Written form, Signals signals, Language language) {
        var page = open(slug, country, language);
        var campaign = page.campaign();
        if (signals.honeypot() != null && !signals.honeypot().isEmpty()) {
            return campaign;
        }
        stamps.check(campaign.id(), page.country(), signals.stamp());
        limits.takeNetwork(NetworkPrefix.hash(signals.address()));
        var checks = new FieldChecks();
        var name = checks.check(() -> LetterText.required("name", form.name(), NAME_MAX));
        var email = checks.check(() -> EmailAddress.check(form.email()));
        var letter = checks.check(() -> personalize(page, form, name == null ? "" : name));
        if (letter != null && letter.mailable().isEmpty()) {
            checks.check(() -> {
                throw new InvalidField("targets", "letter.targets.none-mailable");
            });
        }
        checks.done();
        var emailIndex = personalData.index(email.strip().toLowerCase(Locale.ROOT), EMAIL_INDEX);
        if (letters.sentOn(campaign.id(), emailIndex, page.today())) {
            throw onceADay(page.campaign(), page.today());
        }
        var token = SecretToken.generate();
        var now = clock.instant();
        var content = new Content(name, email, letter.subject(), letter.body());
        letters.insertDraft(
                new Letters.Draft(
                        UUID.randomUUID(),
                        campaign.id(),
                        page.country(),
                        letter.targets().stream().map(Target::id).toList(),
                        personalData.seal(JSON.writeValueAsString(content), CONTENT_COLUMN),
                        emailIndex,
                        language.tag(),
                        now.plus(CONFIRMATION_VALIDITY)),
                token.hash(),
                now);
        mailConfirmation(letter, content, token, language);
        return campaign;
    }

    /**
     * The sender pressed the button of the confirmation page: one message per official with an address goes out,
     * answered to the sender, and the sealed letter is deleted. Once: the link is spent, except when an official had
     * too many letters this hour ({@link Outcome#TRY_LATER}), when it stays good.
     */
    @Transactional
    public Confirmation confirm(String token) {
        var found = hash(token).flatMap(letters::draftForUpdate);
        if (found.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN, null, null, 0);
        }
        var draft = found.get();
        var now = clock.instant();
        var stored = letters.letter(draft.campaign());
        var slug = stored.map(CampaignLetter::campaignSlug).orElse(null);
        if (!now.isBefore(draft.expiresAt())) {
            letters.deleteDraft(draft.id());
            return new Confirmation(Outcome.EXPIRED, slug, null, 0);
        }
        var language = Language.byTag(draft.language()).orElse(Language.DEFAULT);
        var campaign = stored.flatMap(l -> campaigns.published(l.campaignSlug(), language.tag()));
        var today = campaign.map(c -> now.atZone(c.zone()).toLocalDate()).orElse(null);
        var chosen = new LinkedHashSet<>(draft.targets());
        var targets = campaign.isEmpty()
                ? List.<Target>of()
                : letters.targets(draft.campaign(), draft.country()).stream()
                        .filter(t -> chosen.contains(t.id()))
                        .toList();
        if (campaign.isEmpty()
                || !stored.get().openOn(today)
                || targets.stream().noneMatch(Target::mailable)) {
            letters.deleteDraft(draft.id());
            return new Confirmation(Outcome.CLOSED, slug, null, 0);
        }
        var content = JSON.readValue(personalData.open(draft.content(), CONTENT_COLUMN), Content.class);
        var letter = new Personalized(
                campaign.get(), draft.country(), content.name(), content.subject(), content.body(), targets);
        if (letters.sentOn(draft.campaign(), draft.emailIndex(), today)) {
            letters.deleteDraft(draft.id());
            return new Confirmation(Outcome.ALREADY_SENT, slug, null, 0);
        }
        var mailed = letter.mailable().stream().map(Target::id).toList();
        long wait = letters.takeTargets(mailed, now, LetterRateLimits.PER_TARGET);
        if (wait > 0) {
            return new Confirmation(Outcome.TRY_LATER, slug, null, wait);
        }
        letters.recordSender(draft.campaign(), draft.emailIndex(), today, now.plus(SENDER_KEPT));
        for (var target : letter.mailable()) {
            mail.send(
                    toOfficial(letter, content, language),
                    Addressee.transactional(
                            target.email(), target.name(), "letters.sent:" + draft.id() + ":" + target.id()));
        }
        letters.count(draft.campaign(), draft.country(), mailed, today, Way.CHORUS);
        letters.deleteDraft(draft.id());
        events.publishEvent(new LetterSent(draft.campaign(), draft.country(), mailed, Way.CHORUS));
        return new Confirmation(Outcome.SENT, slug, letter, 0);
    }

    /**
     * The letter as the supporter personalized it, to open in their own mail program; nothing is stored. Name and
     * address are optional here: their mail program signs and sends it.
     */
    @Transactional(readOnly = true)
    public Personalized ownMail(String slug, String country, Written form, Language language) {
        var page = open(slug, country, language);
        return personalize(page, form, form.name() == null ? "" : form.name().strip());
    }

    /**
     * The supporter says they sent the letter from their own mail to these officials: each gets one more in the counts.
     * Stamped like the form, and limited per network.
     */
    @Transactional
    public PublishedCampaign sentFromOwnMail(
            String slug, String country, List<String> targetIds, Signals signals, Language language) {
        var page = open(slug, country, language);
        if (signals.honeypot() != null && !signals.honeypot().isEmpty()) {
            return page.campaign();
        }
        stamps.check(page.campaign().id(), page.country(), signals.stamp());
        limits.takeNetwork(NetworkPrefix.hash(signals.address()));
        var targets = chosen(page, targetIds);
        var ids = targets.stream().map(Target::id).toList();
        letters.count(page.campaign().id(), page.country(), ids, page.today(), Way.OWN_MAIL);
        events.publishEvent(new LetterSent(page.campaign().id(), page.country(), ids, Way.OWN_MAIL));
        return page.campaign();
    }

    /** Deletes letters never confirmed and forgets senders' blind indexes when due; the counts stay. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        letters.deleteTargetHoursBefore(now.minus(java.time.Duration.ofDays(1)));
        return letters.deleteExpiredDrafts(now) + letters.forgetSenders(now);
    }

    private Personalized personalize(ReadingLetters.CountryPage page, Written form, String name) {
        var text = page.text();
        var checks = new FieldChecks();
        var subject = page.letter().subjectLocked()
                ? text.subject()
                : checks.check(() -> LetterText.required("subject", form.subject(), LetterText.SUBJECT_MAX));
        var opening = checks.check(() -> LetterText.optional("opening", form.opening(), LetterText.PART_MAX));
        var closing = checks.check(() -> LetterText.optional("closing", form.closing(), LetterText.PART_MAX));
        var targets = checks.check(() -> chosen(page, form.targets()));
        checks.done();
        return new Personalized(
                page.campaign(),
                page.country(),
                name,
                subject,
                LetterText.body(opening, text.core(), closing, name),
                targets);
    }

    /** The officials of the page among the ids a form sent; at least one. */
    private static List<Target> chosen(ReadingLetters.CountryPage page, List<String> ids) {
        var wanted = new LinkedHashSet<TargetId>();
        for (var id : ids == null ? List.<String>of() : ids) {
            var parsed = TargetId.parse(id);
            if (parsed != null) {
                wanted.add(parsed);
            }
        }
        var targets =
                page.targets().stream().filter(t -> wanted.contains(t.id())).toList();
        if (targets.isEmpty()) {
            throw new InvalidField("targets", "letter.targets.required");
        }
        return targets;
    }

    /** The country's page, if the letter can be sent today; else 409 saying when it can. */
    private ReadingLetters.CountryPage open(String slug, String country, Language language) {
        var page = reading.country(slug, country, language.tag());
        if (!page.open()) {
            var letter = page.letter();
            throw DomainException.conflict(
                    "letter.closed",
                    letter.opensOn().toString(),
                    letter.closesOn().toString());
        }
        return page;
    }

    /** 429 until the next day begins in the campaign's zone. */
    private DomainException onceADay(PublishedCampaign campaign, LocalDate today) {
        var tomorrow = today.plusDays(1).atStartOfDay(campaign.zone()).toInstant();
        return new DomainException(
                429,
                "letter.once-a-day",
                Math.max(1, Duration.between(clock.instant(), tomorrow).toSeconds()));
    }

    private Letter toOfficial(Personalized letter, Content content, Language language) {
        var t = new Messages(messages, language.locale());
        var blocks = new ArrayList<LetterBlock>();
        for (var line : letter.body().split("\n")) {
            if (!line.isBlank()) {
                blocks.add(new LetterBlock.Paragraph(line.strip()));
            }
        }
        return new Letter(
                        "letters.to-official",
                        language,
                        letter.subject(),
                        blocks,
                        t.t(
                                "letter.mail.official.reason",
                                content.name(),
                                content.email(),
                                site.name(),
                                letter.campaign().title()))
                .replyingTo(content.email(), content.name());
    }

    private void mailConfirmation(Personalized letter, Content content, SecretToken token, Language language) {
        var t = new Messages(messages, language.locale());
        var offices =
                String.join(", ", letter.mailable().stream().map(Target::name).toList());
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("letter.mail.confirm.intro", content.name(), offices)));
        blocks.add(new LetterBlock.Button(
                t.t("letter.mail.confirm.button"),
                properties.link("/letters/confirm/" + token.value() + "?lang=" + language.tag())));
        blocks.add(new LetterBlock.Paragraph(t.t("letter.mail.confirm.subject-line", letter.subject())));
        for (var line : letter.body().split("\n")) {
            if (!line.isBlank()) {
                blocks.add(new LetterBlock.Paragraph(line.strip()));
            }
        }
        blocks.add(new LetterBlock.Paragraph(t.t("letter.mail.confirm.validity", CONFIRMATION_VALIDITY.toHours())));
        blocks.add(new LetterBlock.Paragraph(t.t("letter.mail.not-you")));
        mail.send(
                new Letter(
                        "letters.confirm",
                        language,
                        t.t("letter.mail.confirm.subject", letter.campaign().title()),
                        blocks,
                        t.t("letter.mail.confirm.reason", site.name())),
                Addressee.transactional(content.email(), content.name(), "letters.confirm:" + token.hash()));
    }

    private static Optional<String> hash(String token) {
        return token == null || token.isBlank() || token.length() > 100
                ? Optional.empty()
                : Optional.of(SecretToken.hash(token));
    }
}
