package org.chorus.campaigns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.Slug;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's editors write campaigns, change them (drafts and published ones) and translate them; owners
 * publish and withdraw them. A refused form stores nothing: every field is checked before anything is written.
 */
@Service
public class WritingCampaigns {

    private final Campaigns campaigns;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final ReadingStatements statements;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WritingCampaigns(
            Campaigns campaigns,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            ReadingStatements statements,
            ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.permissions = permissions;
        this.statements = statements;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a draft campaign of the organization, at an address made from its title. */
    @Transactional
    public Campaign create(Actor actor, OrganizationId issuer, CampaignDraft draft) {
        permissions.require(actor, issuer, CampaignPermission.WRITE_CAMPAIGNS);
        var now = clock.instant();
        var checks = new FieldChecks();
        var language = checks.check(() -> language(draft.language()));
        var text = checks.check(() -> CampaignText.written(
                draft.language(), draft.title(), draft.summary(), draft.call(), draft.demands(), now));
        var plan = checks.check(() -> plan(draft));
        checks.done();
        var campaign = Campaign.draft(
                CampaignId.random(), freeSlug(Slug.suggest(text.title(), 70)), issuer, language, plan, now);
        campaigns.insert(campaign, actor.account());
        campaigns.saveText(campaign.id(), text);
        return campaign;
    }

    /** Changes a draft or published campaign: its plan and its words in the original language. */
    @Transactional
    public Campaign edit(Actor actor, String slug, CampaignDraft draft) {
        var campaign = writable(actor, slug);
        campaign.requireEditable();
        var now = clock.instant();
        var checks = new FieldChecks();
        var text = checks.check(() -> CampaignText.written(
                campaign.originalLanguage(), draft.title(), draft.summary(), draft.call(), draft.demands(), now));
        var plan = checks.check(() -> plan(draft));
        checks.done();
        var changed = campaign.planned(plan, now);
        campaigns.update(changed);
        campaigns.saveText(changed.id(), text);
        changed(changed, actor);
        return changed;
    }

    /**
     * The same edit, only if the campaign is still as the caller read it ({@code version}: when it last changed, as the
     * API's ETag says; null for any version); 412 when it changed since.
     */
    @Transactional
    public Campaign edit(Actor actor, String slug, CampaignDraft draft, java.time.Instant version) {
        var campaign = writable(actor, slug);
        if (version != null && !campaign.updatedAt().equals(version)) {
            throw new org.chorus.shared.DomainException(412, "campaign.changed-since");
        }
        return edit(actor, slug, draft);
    }

    /** Adds or replaces the campaign's words in another language. */
    @Transactional
    public Campaign translate(
            Actor actor, String slug, String language, String title, String summary, String call, String demands) {
        var campaign = writable(actor, slug);
        campaign.requireEditable();
        var checks = new FieldChecks();
        var chosen = checks.check(() -> translationLanguage(language, campaign.originalLanguage()));
        var text = checks.check(() -> CampaignText.written(chosen, title, summary, call, demands, clock.instant()));
        checks.done();
        campaigns.saveText(campaign.id(), text);
        changed(campaign, actor);
        return campaign;
    }

    /** An owner makes a draft public. */
    @Transactional
    public Campaign publish(Actor actor, String slug) {
        var campaign = locked(slug);
        requireVisible(actor, campaign);
        permissions.require(actor, campaign.issuer(), CampaignPermission.PUBLISH_CAMPAIGNS);
        var published = campaign.publish(clock.instant());
        campaigns.update(published);
        events.publishEvent(new CampaignPublished(
                published.id(),
                published.slug(),
                published.issuer(),
                published.originalLanguage(),
                originalTitle(published),
                actor.account()));
        return published;
    }

    /** An owner calls off a published campaign, saying why. */
    @Transactional
    public Campaign withdraw(Actor actor, String slug, String note) {
        var campaign = locked(slug);
        permissions.require(actor, campaign.issuer(), CampaignPermission.PUBLISH_CAMPAIGNS);
        var withdrawn = campaign.withdraw(note, clock.instant());
        campaigns.update(withdrawn);
        events.publishEvent(new CampaignWithdrawn(
                withdrawn.id(), withdrawn.slug(), withdrawn.issuer(), originalTitle(withdrawn), actor.account()));
        return withdrawn;
    }

    private String originalTitle(Campaign campaign) {
        return campaigns
                .texts(campaign.id(), campaign.originalLanguage())
                .getFirst()
                .title();
    }

    /** The one place {@link CampaignChanged} is published. */
    private void changed(Campaign campaign, Actor actor) {
        events.publishEvent(new CampaignChanged(campaign.id(), actor.account()));
    }

    private Campaign writable(Actor actor, String slug) {
        var campaign = locked(slug);
        requireVisible(actor, campaign);
        permissions.require(actor, campaign.issuer(), CampaignPermission.WRITE_CAMPAIGNS);
        return campaign;
    }

    /** A draft does not exist for those who may not write it. */
    private void requireVisible(Actor actor, Campaign campaign) {
        if (campaign.status() == CampaignStatus.DRAFT
                && !permissions.can(actor, campaign.issuer(), CampaignPermission.WRITE_CAMPAIGNS)) {
            throw new NotFoundException("campaign.not-found");
        }
    }

    private Campaign locked(String slug) {
        return campaigns
                .bySlugForUpdate(slug == null ? "" : slug)
                .orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }

    private Campaign.Plan plan(CampaignDraft draft) {
        var checks = new FieldChecks();
        var partners = checks.check(() -> partners(CampaignDraft.lines(draft.partners())));
        var related = checks.check(() -> related(CampaignDraft.lines(draft.statements())));
        var plan = checks.check(() -> Campaign.Plan.of(
                draft.timeZone(),
                draft.startsOn(),
                draft.endsOn(),
                draft.daysOfAction(),
                draft.kinds(),
                partners == null ? List.of() : partners,
                related == null ? List.of() : related));
        checks.done();
        return plan;
    }

    /** Partners are listed Chorus organizations, named by their address (or their page's address). */
    private List<OrganizationId> partners(List<String> typed) {
        var ids = new ArrayList<OrganizationId>();
        for (var line : typed) {
            var slug = line.replaceFirst("^.*/o/", "").replaceAll("[/?#].*$", "");
            var found = organizations
                    .bySlug(slug)
                    .filter(Organization::active)
                    .orElseThrow(() -> new InvalidField("partners", "campaign.partner.not-found", line));
            ids.add(found.id());
        }
        return ids;
    }

    /** Related statements are public (published or republished) statements, named by their address. */
    private List<StatementId> related(List<String> typed) {
        var ids = new ArrayList<StatementId>();
        for (var line : typed) {
            var slug = line.replaceFirst("^.*/s/", "").replaceAll("[/?#].*$", "");
            try {
                var statement = statements.visible(null, slug);
                if (!statement.isPublic()) {
                    throw new InvalidField("statements", "campaign.statement.not-public", line);
                }
                ids.add(statement.id());
            } catch (NotFoundException missing) {
                throw new InvalidField("statements", "campaign.statement.not-found", line);
            }
        }
        return ids;
    }

    private static String language(String typed) {
        var language = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (!language.matches("[a-z]{2,3}")) {
            throw new InvalidField("language", "campaign.language.invalid");
        }
        return language;
    }

    private static String translationLanguage(String typed, String original) {
        var language = language(typed);
        if (language.equals(original)) {
            throw new InvalidField("language", "campaign.translation.is-original");
        }
        return language;
    }

    private String freeSlug(String wanted) {
        var base = wanted.isEmpty() ? "campaign" : wanted;
        campaigns.lockAddress(base);
        var candidate = base;
        for (int n = 2; campaigns.slugTaken(candidate); n++) {
            if (n > 1000) {
                throw DomainException.conflict("campaign.slug-busy");
            }
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
