package org.chorus.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor without an account hosts an action by confirming an email address (Mobilize's NEEDS_HOST_VERIFICATION).
 * The form waits, invisible to every list, map, count and queue, until the button of the confirmation page is pressed
 * ({@link #CONFIRMATION_VALIDITY}); then it is registered as any untrusted host's action (waiting for the organizers)
 * and the host gets a private manage link, the only key to edit or cancel it (only its hash is stored). The host's
 * name and email are kept sealed, shown to the campaign's organizers alone, and deleted {@link #KEPT_AFTER_CAMPAIGN}
 * after the campaign ends ({@link HostRetention}).
 */
@Service
public class HostingByEmail {

    public static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    public static final Duration KEPT_AFTER_CAMPAIGN = Duration.ofDays(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostingActions hosting;
    private final Actions actions;
    private final ActionHosts hosts;
    private final ReadingCampaigns campaigns;
    private final HostFormStamps stamps;
    private final HostRateLimits limits;
    private final PersonalData personalData;
    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final SiteName site;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HostingByEmail(
            HostingActions hosting,
            Actions actions,
            ActionHosts hosts,
            ReadingCampaigns campaigns,
            HostFormStamps stamps,
            HostRateLimits limits,
            PersonalData personalData,
            Mail mail,
            MessageSource messages,
            ChorusProperties properties,
            SiteName site,
            ApplicationEventPublisher events,
            Clock clock) {
        this.hosting = hosting;
        this.actions = actions;
        this.hosts = hosts;
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
     * What the form tells about its sender, checked before anything is stored.
     *
     * @param honeypot the hidden field people leave empty; robots fill it
     * @param stamp the signed stamp of the form ({@link HostFormStamps})
     * @param address the sender's network address; only an HMAC of its prefix is used, and nothing of it is stored
     */
    public record Signals(String honeypot, String stamp, String address) {}

    /** The outcome of the confirmation page's button, with the campaign and the action (when registered). */
    public record Confirmation(Outcome outcome, String campaignSlug, ActionId action) {}

    public enum Outcome {
        REGISTERED,
        EXPIRED,
        /** the campaign closed, or the action no longer fits it: nothing was registered */
        REFUSED,
        /** unknown, or used already */
        UNKNOWN
    }

    /**
     * Keeps the form of a host without an account and mails the link that confirms it; nothing is an action until
     * then. A filled honeypot is answered the same way, with nothing stored or sent. Returns the campaign.
     */
    @Transactional
    public PublishedCampaign submit(
            String campaignSlug,
            ActionForm form,
            String hostName,
            String hostEmail,
            Signals signals,
            Language language) {
        var campaign = published(campaignSlug, language);
        if (signals.honeypot() != null && !signals.honeypot().isEmpty()) {
            return campaign;
        }
        stamps.check(campaign.id(), signals.stamp());
        limits.takeNetwork(NetworkPrefix.hash(signals.address()));
        var checks = new FieldChecks();
        var contact = checks.check(() -> HostContact.written(hostName, hostEmail));
        checks.check(() -> hosting.written(null, campaign, form));
        checks.done();
        var emailIndex = personalData.index(contact.canonicalEmail(), HostContact.EMAIL_INDEX);
        limits.takeEmail(HexFormat.of().formatHex(emailIndex));
        var token = SecretToken.generate();
        var now = clock.instant();
        hosts.submit(
                new ActionHosts.Submission(
                        UUID.randomUUID(),
                        campaign.id(),
                        campaign.slug(),
                        JSON.writeValueAsString(form),
                        personalData.seal(contact.toJson(), HostContact.COLUMN),
                        emailIndex,
                        language.tag(),
                        now.plus(CONFIRMATION_VALIDITY)),
                token.hash(),
                now);
        mailConfirmation(campaign, form.title(), contact, token, language);
        return campaign;
    }

    /**
     * The host pressed the button of the confirmation page: the form, checked again under the campaign as it is now,
     * becomes an action waiting for the organizers, and the host gets the manage link. Once: the link is spent.
     */
    @Transactional
    public Confirmation confirm(String token) {
        var found = hash(token).flatMap(hosts::submissionForUpdate);
        if (found.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN, null, null);
        }
        var submission = found.get();
        hosts.deleteSubmission(submission.id());
        var now = clock.instant();
        if (!now.isBefore(submission.expiresAt())) {
            return new Confirmation(Outcome.EXPIRED, submission.campaignSlug(), null);
        }
        var language = Language.byTag(submission.language()).orElse(Language.DEFAULT);
        var campaign = campaigns.published(submission.campaignSlug(), language.tag());
        var form = JSON.readValue(submission.form(), ActionForm.class);
        HostingActions.Written written;
        try {
            written = hosting.written(
                    null, campaign.orElseThrow(() -> new NotFoundException("campaign.not-found")), form);
        } catch (DomainException refused) {
            return new Confirmation(Outcome.REFUSED, submission.campaignSlug(), null);
        }
        var action = Action.registered(
                ActionId.random(),
                submission.campaign(),
                submission.campaignSlug(),
                null,
                written.details(),
                false,
                !hosts.hasApproved(submission.campaign(), submission.emailIndex()),
                now);
        actions.insert(action);
        hosting.saveCosponsors(action.id(), written);
        var manage = SecretToken.generate();
        hosts.insertHost(
                new ActionHosts.Host(action.id(), submission.contact(), submission.emailIndex(), language.tag()),
                manage.hash(),
                forgetAt(campaign.get()));
        events.publishEvent(new ActionRegistered(action.id(), action.campaign(), action.campaignSlug(), null, false));
        mailManageLink(action, contact(submission.contact()), manage, language, "registered");
        return new Confirmation(Outcome.REGISTERED, action.campaignSlug(), action.id());
    }

    /** The action a manage link opens, with its form as the edit page fills it; 404 for an unknown link. */
    public Managed managed(String token) {
        var action = actions.byId(managedId(token)).orElseThrow(() -> new NotFoundException("action.not-found"));
        return new Managed(action, hosting.form(action));
    }

    /** An action as its host without an account manages it. */
    public record Managed(Action action, ActionForm form) {}

    /** The host changes the action through the manage link: it waits for the organizers again, as any untrusted edit. */
    @Transactional
    public Action edit(String token, ActionForm form) {
        var action = hosting.locked(managedId(token));
        var campaign = hosting.published(action.campaignSlug());
        var written = hosting.written(null, campaign, form);
        var edited = action.edited(written.details(), false, clock.instant());
        actions.update(edited);
        hosting.saveCosponsors(action.id(), written);
        events.publishEvent(ActionChanged.of(action, edited, null));
        return edited;
    }

    /** The host calls the action off through the manage link. */
    @Transactional
    public Action cancel(String token) {
        var action = hosting.locked(managedId(token));
        var cancelled = action.cancel(clock.instant());
        actions.update(cancelled);
        events.publishEvent(new ActionCancelled(action.id(), action.campaign(), action.campaignSlug(), null));
        return cancelled;
    }

    /** The names and emails of these actions' hosts without an account (for the organizers' export), in one query. */
    java.util.Map<ActionId, HostContact> contacts(java.util.Collection<ActionId> actions) {
        var contacts = new java.util.HashMap<ActionId, HostContact>();
        hosts.hosts(actions).forEach(h -> contacts.put(h.action(), contact(h.contact())));
        return contacts;
    }

    /** The language of the action's host without an account (the form's), if it has one. */
    Optional<String> language(ActionId action) {
        return hosts.host(action).map(ActionHosts.Host::language);
    }

    /** The name and email of the action's host without an account, for the campaign's organizers only. */
    Optional<HostContact> contact(ActionId action) {
        return hosts.host(action).map(h -> contact(h.contact()));
    }

    /**
     * The organizers rejected an action whose host has no account: the reason reaches them by mail too, with a new
     * manage link (in the transaction of the rejection, so it is sent once, if the rejection holds).
     */
    @EventListener
    void rejected(ActionRejected event) {
        var host = hosts.host(event.action());
        var action = actions.byId(event.action());
        if (host.isEmpty() || action.isEmpty()) {
            return;
        }
        var manage = SecretToken.generate();
        hosts.replaceManageToken(event.action(), manage.hash());
        var language = Language.byTag(host.get().language()).orElse(Language.DEFAULT);
        var letter = ActionLetters.rejection(
                messages, language, action.get(), manageLink(manage, language), true, site.name());
        var contact = contact(host.get().contact());
        var key = ActionLetters.rejectionKey(action.get());
        mail.send(letter, Addressee.transactional(contact.email(), contact.name(), key));
    }

    private void mailConfirmation(
            PublishedCampaign campaign, String title, HostContact contact, SecretToken token, Language language) {
        var t = new Messages(messages, language.locale());
        var letter = new Letter(
                "actions.confirm-host",
                language,
                t.t("action.mail.confirm.subject", title.strip()),
                List.of(
                        new LetterBlock.Paragraph(
                                t.t("action.mail.confirm.intro", contact.name(), title.strip(), campaign.title())),
                        new LetterBlock.Button(
                                t.t("action.mail.confirm.button"),
                                properties.link("/actions/confirm/" + token.value() + "?lang=" + language.tag())),
                        new LetterBlock.Paragraph(t.t("action.mail.confirm.validity", CONFIRMATION_VALIDITY.toHours())),
                        new LetterBlock.Paragraph(t.t("action.mail.not-you"))),
                t.t("action.mail.confirm.reason", site.name()));
        mail.send(
                letter,
                Addressee.transactional(contact.email(), contact.name(), "actions.confirm-host:" + token.hash()));
    }

    private void mailManageLink(Action action, HostContact contact, SecretToken manage, Language language, String why) {
        var t = new Messages(messages, language.locale());
        var title = action.details().title();
        var letter = new Letter(
                "actions.manage-link",
                language,
                t.t("action.mail.manage.subject", title),
                List.of(
                        new LetterBlock.Paragraph(t.t("action.mail.manage." + why, title)),
                        new LetterBlock.Button(t.t("action.mail.manage.button"), manageLink(manage, language)),
                        new LetterBlock.Paragraph(t.t("action.mail.manage.keep"))),
                t.t("action.mail.confirm.reason", site.name()));
        mail.send(
                letter,
                Addressee.transactional(contact.email(), contact.name(), "actions.manage:" + action.id() + ":" + why));
    }

    private String manageLink(SecretToken manage, Language language) {
        return properties.link("/actions/manage/" + manage.value() + "?lang=" + language.tag());
    }

    private HostContact contact(byte[] sealed) {
        return HostContact.fromJson(personalData.open(sealed, HostContact.COLUMN));
    }

    private ActionId managedId(String token) {
        return hash(token).flatMap(hosts::managedBy).orElseThrow(() -> new NotFoundException("action.link-unknown"));
    }

    /** The contact is forgotten some time after the campaign's last day ends in its own zone. */
    private static Instant forgetAt(PublishedCampaign campaign) {
        return campaign.endsOn()
                .plusDays(1)
                .atStartOfDay(campaign.zone())
                .toInstant()
                .plus(KEPT_AFTER_CAMPAIGN);
    }

    private PublishedCampaign published(String slug, Language language) {
        return campaigns.published(slug, language.tag()).orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }

    private static Optional<String> hash(String token) {
        return token == null || token.isBlank() || token.length() > 100
                ? Optional.empty()
                : Optional.of(SecretToken.hash(token));
    }
}
