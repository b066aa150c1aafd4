package org.chorus.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.chorus.statements.ReadingStatements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads campaigns for their page, lists, feeds and other modules, each in a bounded number of queries. */
@Service
@Transactional(readOnly = true)
public class ReadingCampaigns {

    public static final int PAGE_SIZE = 20;

    private final Campaigns campaigns;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final ReadingStatements statements;
    private final Clock clock;

    ReadingCampaigns(
            Campaigns campaigns,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            ReadingStatements statements,
            Clock clock) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.permissions = permissions;
        this.statements = statements;
        this.clock = clock;
    }

    /**
     * The campaign's page in {@code language} (null: the original). A draft exists only for the issuer's editors and
     * site admins; a withdrawn campaign stays readable with its notice.
     */
    public CampaignPage page(Actor viewer, String slug, String language) {
        var campaign = campaigns.bySlug(slug).orElseThrow(() -> new NotFoundException("campaign.not-found"));
        boolean canWrite = permissions.can(viewer, campaign.issuer(), CampaignPermission.WRITE_CAMPAIGNS);
        if (campaign.status() == CampaignStatus.DRAFT && !canWrite) {
            throw new NotFoundException("campaign.not-found");
        }
        boolean canPublish =
                canWrite && permissions.can(viewer, campaign.issuer(), CampaignPermission.PUBLISH_CAMPAIGNS);
        var texts = campaigns.texts(campaign.id(), campaign.originalLanguage());
        var original = texts.getFirst();
        var wanted = language == null ? campaign.originalLanguage() : language;
        var chosen = texts.stream().filter(t -> t.language().equals(wanted)).findFirst();
        var ids = new ArrayList<OrganizationId>();
        ids.add(campaign.issuer());
        ids.addAll(campaign.plan().partners());
        var named = organizations.find(ids);
        var links = statements.links(campaign.plan().statements());
        return new CampaignPage(
                campaign,
                chosen.orElse(original),
                chosen.isEmpty(),
                wanted,
                texts,
                named.get(campaign.issuer()),
                campaign.plan().partners().stream()
                        .map(named::get)
                        .filter(Objects::nonNull)
                        .filter(Organization::active)
                        .toList(),
                campaign.plan().statements().stream()
                        .map(links::get)
                        .filter(Objects::nonNull)
                        .toList(),
                campaign.today(clock.instant()),
                canWrite,
                canPublish);
    }

    /** A page of all published campaigns (or one organization's), newest window first, after a cursor's place. */
    public CampaignList list(OrganizationId organization, String after, String language) {
        var cursor = CampaignCursor.of(after);
        var rows = campaigns.published(organization, cursor, null, language, PAGE_SIZE + 1);
        var shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        var older = rows.size() > PAGE_SIZE
                ? CampaignCursor.at(shown.getLast().campaign()).token()
                : null;
        return new CampaignList(summaries(shown), older, cursor == null);
    }

    /** The organization's latest published campaigns, for its page. */
    public List<CampaignSummary> ofOrganizationPage(OrganizationId organization, String language, int limit) {
        return summaries(campaigns.published(organization, null, null, language, limit));
    }

    /** Published campaigns not over yet (or ended yesterday, wherever that is), newest published first: the home page's. */
    public List<CampaignSummary> current(String language, int limit) {
        var yesterday = LocalDate.now(clock).minusDays(1);
        return summaries(campaigns.published(null, null, yesterday, language, limit));
    }

    /** Every campaign of the organization, drafts and withdrawn ones too, for those who write them. */
    public List<CampaignSummary> managed(Actor actor, OrganizationId organization, String language) {
        permissions.require(actor, organization, CampaignPermission.WRITE_CAMPAIGNS);
        return summaries(campaigns.ofOrganization(organization, language));
    }

    /** The statements the campaign relates to, in its order (for the dashboard's sign-on figures). */
    public List<org.chorus.statements.StatementId> relatedStatements(CampaignId campaign) {
        return campaigns.byId(campaign).map(c -> c.plan().statements()).orElse(List.of());
    }

    /** A published campaign for other modules, with its title in {@code language} when translated; else empty. */
    public Optional<PublishedCampaign> published(String slug, String language) {
        return campaigns
                .bySlug(slug == null ? "" : slug)
                .filter(Campaign::isPublic)
                .map(c -> {
                    var texts = campaigns.texts(c.id(), c.originalLanguage());
                    var text = texts.stream()
                            .filter(t -> t.language().equals(language))
                            .findFirst()
                            .orElse(texts.getFirst());
                    var p = c.plan();
                    return new PublishedCampaign(
                            c.id(),
                            c.slug(),
                            c.issuer(),
                            p.zone(),
                            p.startsOn(),
                            p.endsOn(),
                            p.daysOfAction(),
                            p.kinds(),
                            text.language(),
                            text.title());
                });
    }

    /** Those of the campaigns that are public now (for calendars that gather actions of several), in one query. */
    public java.util.Set<CampaignId> publishedAmong(java.util.Collection<CampaignId> ids) {
        return campaigns.publishedAmong(ids);
    }

    /** Every campaign public now (for lists of actions across campaigns), in one query. */
    public java.util.Set<CampaignId> published() {
        return campaigns.published();
    }

    /** Rows with their issuers, named from the listed organizations kept in memory (no query for them). */
    private List<CampaignSummary> summaries(List<Campaigns.Listed> rows) {
        Map<OrganizationId, Organization> listed = rows.isEmpty()
                ? Map.of()
                : organizations.listed().stream().collect(Collectors.toMap(Organization::id, Function.identity()));
        return rows.stream()
                .map(row -> {
                    var c = row.campaign();
                    return new CampaignSummary(
                            c.id(),
                            c.slug(),
                            row.language(),
                            row.title(),
                            row.summary(),
                            listed.get(c.issuer()),
                            c.status(),
                            c.plan().startsOn(),
                            c.plan().endsOn(),
                            c.plan().daysOfAction(),
                            c.publishedAt(),
                            c.updatedAt());
                })
                .toList();
    }
}
