package org.chorus.actions;

import java.time.Clock;
import java.util.Collection;
import org.chorus.accounts.AccountDirectory;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.email.Addressee;
import org.chorus.email.Mail;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's organizers ({@link CampaignOrganizers}) judge the actions that wait: approve many at once, reject one
 * with a reason mailed to its host, mark flagship actions. On a day of action hundreds arrive together: the queue is
 * filtered and bounded, and a bulk approval is one transaction.
 */
@Service
public class ModeratingActions {

    /** The queue shows at most this many waiting actions at once; its "next" link, or approving them, the next ones. */
    public static final int QUEUE_SIZE = 100;

    private final Actions actions;
    private final ReadingCampaigns campaigns;
    private final CampaignOrganizers organizers;
    private final AccountDirectory accounts;
    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final SiteName site;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HostsOfActions hosts;
    private final TrustedHosts trustedHosts;

    ModeratingActions(
            Actions actions,
            ReadingCampaigns campaigns,
            CampaignOrganizers organizers,
            AccountDirectory accounts,
            Mail mail,
            MessageSource messages,
            ChorusProperties properties,
            SiteName site,
            ApplicationEventPublisher events,
            Clock clock,
            HostsOfActions hosts,
            TrustedHosts trustedHosts) {
        this.hosts = hosts;
        this.trustedHosts = trustedHosts;
        this.actions = actions;
        this.campaigns = campaigns;
        this.organizers = organizers;
        this.accounts = accounts;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.site = site;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of what waits for the organizers, filtered, after a cursor's place (null: the oldest), with the hosts'
     * names and the counts; organizers only. Four queries whatever the queue's length.
     */
    @Transactional(readOnly = true)
    public ModerationQueue queue(Actor actor, String campaignSlug, ActionFilter filter, String after, String language) {
        var campaign = organized(actor, campaignSlug, language);
        var cursor = QueueCursor.of(after);
        var rows = actions.queue(campaign.id(), filter, cursor, QUEUE_SIZE + 1);
        var waiting = rows.size() > QUEUE_SIZE ? rows.subList(0, QUEUE_SIZE) : rows;
        var next = rows.size() > QUEUE_SIZE ? QueueCursor.at(waiting.getLast()).token() : null;
        var counts = actions.pendingCounts(campaign.id(), filter);
        return new ModerationQueue(
                campaign, waiting, hosts.of(waiting), counts[0], counts[1], filter, cursor != null, next);
    }

    /** Approves the chosen actions of the campaign at once; those already approved are left as they are. */
    @Transactional
    public int approve(Actor actor, String campaignSlug, Collection<ActionId> ids) {
        var campaign = organized(actor, campaignSlug, null);
        var now = clock.instant();
        int approved = 0;
        for (var action : actions.forUpdate(campaign.id(), ids)) {
            if (action.status() == ActionStatus.APPROVED) {
                continue;
            }
            actions.update(action.approved(now));
            events.publishEvent(new ActionApproved(
                    action.id(),
                    campaign.id(),
                    campaign.slug(),
                    campaign.issuer(),
                    action.details().title(),
                    actor.account()));
            approved++;
        }
        return approved;
    }

    /** Rejects the action, and mails its host why (once per rejection, whatever retries). */
    @Transactional
    public Action reject(Actor actor, ActionId id, String reason) {
        var action = organizedAction(actor, id);
        var campaign = organized(actor, action.campaignSlug(), null);
        var rejected = action.rejected(reason, clock.instant());
        actions.update(rejected);
        mailRejection(rejected);
        events.publishEvent(new ActionRejected(
                id,
                action.campaign(),
                action.campaignSlug(),
                campaign.issuer(),
                action.details().title(),
                actor.account()));
        return rejected;
    }

    /** What an organizer trusts from an action: its host, or the organization it is hosted for. */
    public enum Trust {
        HOST,
        ORGANIZATION
    }

    /**
     * Trusts (or no longer) the action's host or its hosting organization for the campaign: from then on, the host's
     * actions, or those its members host for the organization, are approved at once and their edits do not wait. What
     * waits already stays to be judged.
     */
    @Transactional
    public void trust(Actor actor, ActionId id, Trust what, boolean trusted) {
        var action = organizedAction(actor, id);
        var host = what == Trust.HOST ? action.host() : null;
        var organization = what == Trust.ORGANIZATION ? action.details().organization() : null;
        if (host == null && organization == null) {
            throw DomainException.conflict(
                    what == Trust.HOST ? "action.trust.no-account" : "action.trust.no-organization");
        }
        if (trusted) {
            trustedHosts.trust(action.campaign(), host, organization, actor.account(), clock.instant());
        } else {
            trustedHosts.distrust(action.campaign(), host, organization);
        }
    }

    /**
     * The most flagship actions a campaign has: they stand out because they are few, and every map of the campaign lists
     * them all, whatever its zoom (decision 0041).
     */
    public static final int MOST_FLAGSHIP = 100;

    /**
     * Marks the action flagship (or no longer): it stands out on the map and in the list, never in a cluster. 409 when
     * the campaign has {@link #MOST_FLAGSHIP} already; marks at once for one campaign take turns, so none goes past it.
     */
    @Transactional
    public Action flagship(Actor actor, ActionId id, boolean flagship) {
        var action = organizedAction(actor, id);
        if (flagship && !action.flagship() && actions.flagshipsOf(action.campaign()) >= MOST_FLAGSHIP) {
            throw DomainException.conflict("action.flagship.too-many", MOST_FLAGSHIP);
        }
        var marked = action.flagship(flagship, clock.instant());
        actions.update(marked);
        events.publishEvent(ActionChanged.of(action, marked, actor.account()));
        return marked;
    }

    private void mailRejection(Action action) {
        var host = action.host() == null ? null : accounts.find(action.host()).orElse(null);
        if (host == null) {
            return;
        }
        var language = Language.byTag(host.language()).orElse(Language.DEFAULT);
        var letter = ActionLetters.rejection(
                messages,
                language,
                action,
                properties.link("/actions/" + action.id() + "/edit?lang=" + language.tag()),
                false,
                site.name());
        var key = ActionLetters.rejectionKey(action);
        mail.send(letter, Addressee.transactional(host.email(), host.displayName(), key));
    }

    private PublishedCampaign organized(Actor actor, String slug, String language) {
        return organizers.organized(actor, slug, language, "action.organizers-only");
    }

    private Action organizedAction(Actor actor, ActionId id) {
        var action = actions.byIdForUpdate(id).orElseThrow(() -> new NotFoundException("action.not-found"));
        if (!organizers.isOrganizer(actor, action.campaign())) {
            if (action.isPublic() || action.hostedBy(actor.account())) {
                throw new PermissionDenied("action.organizers-only");
            }
            throw new NotFoundException("action.not-found");
        }
        return action;
    }
}
