package org.chorus.follows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.accounts.AccountDirectory;
import org.chorus.email.Addressee;
import org.chorus.email.Mail;
import org.chorus.email.MailProgress;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.markdown.SafeHtml;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcements to an organization's followers. Its writers ({@link AnnouncementPermission#WRITE_ANNOUNCEMENTS}) write
 * them, preview them and send themselves a test; sending to every follower, now or at a set time, is publishing in the
 * organization's name, so it takes {@link AnnouncementPermission#SEND_ANNOUNCEMENTS}, held as a statement's publication
 * is.
 */
@Service
public class Announcing {

    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 50_000;
    static final int AUDIENCES_MAX = 50;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final Announcements announcements;
    private final Follows follows;
    private final SendingAnnouncements sending;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final AccountDirectory accounts;
    private final Mail mail;
    private final Clock clock;
    private final org.chorus.campaigns.ReadingCampaigns campaigns;

    Announcing(
            Announcements announcements,
            Follows follows,
            SendingAnnouncements sending,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            AccountDirectory accounts,
            Mail mail,
            Clock clock,
            org.chorus.campaigns.ReadingCampaigns campaigns) {
        this.campaigns = campaigns;
        this.announcements = announcements;
        this.follows = follows;
        this.sending = sending;
        this.organizations = organizations;
        this.permissions = permissions;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * What the form holds.
     *
     * @param campaign the slug of one of the organization's published campaigns whose followers get it, or blank for
     *     the organization's own followers
     */
    public record Draft(String language, String subject, String body, String campaign) {

        public Draft(String language, String subject, String body) {
            this(language, subject, body, "");
        }
    }

    /** A campaign of the organization whose followers an announcement may go to. */
    public record Audience(org.chorus.campaigns.CampaignId id, String slug, String title) {}

    /**
     * One announcement as its organization's writers see it, with the followers it goes (or went) to and how far its
     * sending has gone.
     */
    public record Page(
            Organization organization,
            Announcement announcement,
            SafeHtml html,
            int removedImages,
            MailProgress progress,
            long followers,
            long suppressed,
            boolean canSend,
            List<Audience> audiences) {

        /** The campaign whose followers it goes to, as the form names it (blank: the organization's followers). */
        public String audience() {
            return audiences.stream()
                    .filter(a -> a.id().equals(announcement.campaign()))
                    .map(Audience::slug)
                    .findFirst()
                    .orElse("");
        }
    }

    /** The organizations' announcements list, newest first. */
    @Transactional(readOnly = true)
    public List<Announcement> of(Actor actor, String slug) {
        var organization = writable(actor, slug);
        return announcements.of(organization.id());
    }

    @Transactional(readOnly = true)
    public Organization organization(Actor actor, String slug) {
        return writable(actor, slug);
    }

    @Transactional
    public Announcement draft(Actor actor, String slug, Draft draft) {
        var organization = writable(actor, slug);
        var checked = check(draft);
        var id = announcements.insert(
                organization.id(),
                audience(organization, checked.campaign()),
                checked.language(),
                checked.subject(),
                checked.body(),
                actor.account().value(),
                clock.instant());
        return announcements.byId(id).orElseThrow();
    }

    @Transactional
    public Announcement edit(Actor actor, String slug, long id, Draft draft) {
        var announcement = announcement(actor, slug, id);
        if (!announcement.editable()) {
            throw DomainException.conflict(
                    announcement.status() == AnnouncementStatus.SCHEDULED
                            ? "follows.announcement.locked-scheduled"
                            : "follows.announcement.already-sent");
        }
        var checked = check(draft);
        var organization = writable(actor, slug);
        announcements.update(
                id,
                audience(organization, checked.campaign()),
                checked.language(),
                checked.subject(),
                checked.body(),
                clock.instant());
        return announcements.byId(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Page page(Actor actor, String slug, long id) {
        var organization = writable(actor, slug);
        var announcement = announcements
                .byId(id)
                .filter(a -> a.organization().equals(organization.id()))
                .orElseThrow(() -> new NotFoundException("follows.announcement.not-found"));
        var indexes = announcement.campaign() != null
                ? follows.indexesOfCampaignFollowers(announcement.campaign())
                : follows.indexesOfFollowers(
                        organization.id(),
                        organizations.ancestors(organization.id()).stream()
                                .map(Organization::id)
                                .toList());
        var rendering = Markdown.rendering(announcement.body());
        return new Page(
                organization,
                announcement,
                rendering.html(),
                rendering.removedImages(),
                mail.progress(announcement.batch()),
                indexes.size(),
                mail.countSuppressed(indexes),
                permissions.can(actor, organization.id(), AnnouncementPermission.SEND_ANNOUNCEMENTS),
                audiences(organization, null));
    }

    /** How far the sending has gone, for the page to poll. */
    @Transactional(readOnly = true)
    public MailProgress progress(Actor actor, String slug, long id) {
        return mail.progress(announcement(actor, slug, id).batch());
    }

    /**
     * The announcement as followers will read it: the same Markdown and sanitizer as statements, with the number of
     * remote images removed, to tell the writer.
     */
    public Markdown.Rendering preview(String body) {
        return Markdown.rendering(body);
    }

    /** Sends the announcement to the writer's own address, marked as a test. */
    @Transactional
    public void sendTest(Actor actor, String slug, long id) {
        var announcement = announcement(actor, slug, id);
        var organization = writable(actor, slug);
        var account = accounts.find(actor.account()).orElseThrow(() -> new NotFoundException("account.not-found"));
        var language = Language.byTag(account.language()).orElse(Language.DEFAULT);
        mail.send(
                sending.test(announcement, organization, language),
                Addressee.transactional(
                        account.email(),
                        account.displayName(),
                        "follows.announcement-test:" + id + ":" + UUID.randomUUID()));
    }

    /** Sends to every follower now; returns how many letters were queued. */
    @Transactional
    public int sendNow(Actor actor, String slug, long id) {
        var announcement = sendable(actor, slug, id);
        return sending.sendNow(announcement.id());
    }

    @Transactional
    public Announcement schedule(Actor actor, String slug, long id, Instant at) {
        var announcement = sendable(actor, slug, id);
        if (at == null || !at.isAfter(clock.instant())) {
            throw new InvalidField("scheduledFor", "follows.announcement.schedule.past");
        }
        announcements.schedule(announcement.id(), at, clock.instant());
        return announcements.byId(id).orElseThrow();
    }

    @Transactional
    public Announcement cancelSchedule(Actor actor, String slug, long id) {
        var announcement = sendable(actor, slug, id);
        announcements.unschedule(announcement.id(), clock.instant());
        return announcements.byId(id).orElseThrow();
    }

    private Announcement sendable(Actor actor, String slug, long id) {
        var announcement = announcement(actor, slug, id);
        permissions.require(actor, announcement.organization(), AnnouncementPermission.SEND_ANNOUNCEMENTS);
        if (announcement.status() == AnnouncementStatus.SENT) {
            throw DomainException.conflict("follows.announcement.already-sent");
        }
        return announcement;
    }

    private Announcement announcement(Actor actor, String slug, long id) {
        var organization = writable(actor, slug);
        return announcements
                .byId(id)
                .filter(a -> a.organization().equals(organization.id()))
                .orElseThrow(() -> new NotFoundException("follows.announcement.not-found"));
    }

    private Organization writable(Actor actor, String slug) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), AnnouncementPermission.WRITE_ANNOUNCEMENTS);
        return organization;
    }

    private static Draft check(Draft draft) {
        var language = draft.language() == null ? "" : draft.language().strip().toLowerCase(java.util.Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new InvalidField("language", "follows.announcement.language.invalid");
        }
        var subject = draft.subject() == null ? "" : draft.subject().strip();
        if (subject.isEmpty()) {
            throw new InvalidField("subject", "follows.announcement.subject.required");
        }
        if (subject.length() > SUBJECT_MAX) {
            throw new InvalidField("subject", "follows.announcement.subject.too-long", SUBJECT_MAX);
        }
        var body = draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            throw new InvalidField("body", "follows.announcement.body.required");
        }
        if (body.length() > BODY_MAX) {
            throw new InvalidField("body", "follows.announcement.body.too-long", BODY_MAX);
        }
        return new Draft(
                language,
                subject,
                body,
                draft.campaign() == null ? "" : draft.campaign().strip());
    }

    /** The campaigns of the organization whose followers its announcements may go to: its published ones. */
    @Transactional(readOnly = true)
    /** Followers of an organization (those its announcements reach) and of each of its campaigns, by address. */
    public record FollowerCounts(int organization, java.util.Map<String, Integer> campaigns) {}

    /** How many follow the organization and each of its latest campaigns, for those who write its announcements. */
    @Transactional(readOnly = true)
    public FollowerCounts followers(Actor actor, String slug) {
        var organization = writable(actor, slug);
        var own = follows.countFollowers(
                organization.id(),
                organizations.ancestors(organization.id()).stream()
                        .map(Organization::id)
                        .toList());
        var audiences = audiences(organization, null);
        var counted = follows.countCampaignFollowers(
                audiences.stream().map(Audience::id).toList());
        var campaigns = new java.util.LinkedHashMap<String, Integer>();
        audiences.forEach(a -> campaigns.put(a.slug(), counted.getOrDefault(a.id(), 0)));
        return new FollowerCounts(own, campaigns);
    }

    public List<Audience> audiences(Actor actor, String slug, String language) {
        return audiences(writable(actor, slug), language);
    }

    private List<Audience> audiences(Organization organization, String language) {
        return campaigns.ofOrganizationPage(organization.id(), language, AUDIENCES_MAX).stream()
                .map(c -> new Audience(c.id(), c.slug(), c.title()))
                .toList();
    }

    /** The campaign named by the form, which must be a published campaign of the organization; null for none. */
    private org.chorus.campaigns.CampaignId audience(Organization organization, String campaign) {
        if (campaign == null || campaign.isBlank()) {
            return null;
        }
        return campaigns
                .published(campaign, null)
                .filter(c -> c.issuer().equals(organization.id()))
                .map(org.chorus.campaigns.PublishedCampaign::id)
                .orElseThrow(() -> new InvalidField("campaign", "follows.announcement.campaign.unknown"));
    }
}
