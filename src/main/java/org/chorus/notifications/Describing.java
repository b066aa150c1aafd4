package org.chorus.notifications;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.TimeZones;
import org.chorus.shared.i18n.Messages;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.chorus.statements.StatementLink;
import org.springframework.stereotype.Component;

/**
 * Turns notices into sentences and links, reading titles and names from the statements and organizations modules: two
 * queries for any number of notices, and one more per scheduled time, read in its organization's time zone.
 */
@Component
class Describing {

    private final ReadingStatements statements;
    private final CoalitionDirectory organizations;

    Describing(ReadingStatements statements, CoalitionDirectory organizations) {
        this.statements = statements;
        this.organizations = organizations;
    }

    List<Described> describe(List<Notice> notices, Messages t, java.util.Locale locale) {
        var statementIds = new HashSet<StatementId>();
        var organizationIds = new HashSet<OrganizationId>();
        for (var n : notices) {
            if (n.statement() != null) {
                statementIds.add(n.statement());
            }
            if (n.organization() != null) {
                organizationIds.add(n.organization());
            }
            if (n.otherOrganization() != null) {
                organizationIds.add(n.otherOrganization());
            }
            if (n.kind().name().startsWith("ORGANIZATION_")) {
                organizationIds.add(new OrganizationId(n.subject()));
            }
        }
        var links = statementIds.isEmpty() ? Map.<StatementId, StatementLink>of() : statements.links(statementIds);
        var names = organizationIds.isEmpty()
                ? Map.<OrganizationId, Organization>of()
                : organizations.find(organizationIds);
        Function<OrganizationId, ZoneId> zones = organizations::timeZone;
        return notices.stream()
                .map(n -> describe(n, links, names, zones, t, locale))
                .toList();
    }

    private static Described describe(
            Notice n,
            Map<StatementId, StatementLink> links,
            Map<OrganizationId, Organization> names,
            Function<OrganizationId, ZoneId> zones,
            Messages t,
            java.util.Locale locale) {
        var link = n.statement() == null ? null : links.get(n.statement());
        var organization = n.organization() == null ? null : names.get(n.organization());
        var organizationName = organization == null ? "" : organization.name();
        var other = n.otherOrganization() == null ? null : names.get(n.otherOrganization());
        String what;
        String path;
        switch (n.kind()) {
            case ORGANIZATION_ASKS_TO_JOIN, ORGANIZATION_APPROVED, ORGANIZATION_REJECTED -> {
                var asking = names.get(new OrganizationId(n.subject()));
                what = asking == null ? "" : asking.name();
                path = n.kind() == NoticeKind.ORGANIZATION_ASKS_TO_JOIN
                        ? (organization == null ? "/account/organizations" : "/o/" + organization.slug() + "/manage")
                        : (asking == null ? "/account/organizations" : "/o/" + asking.slug());
            }
            case COMMENT_AWAITS_MODERATION -> {
                what = link == null ? "" : link.title();
                path = organization == null ? "/account/organizations" : "/o/" + organization.slug() + "/comments";
            }
            case CO_ISSUE_REQUESTED -> {
                what = link == null ? "" : link.title();
                path = organization == null
                        ? "/account/tasks"
                        : "/o/" + organization.slug() + "/manage/co-issue-requests";
            }
            case WEBHOOK_DISABLED -> {
                what = "";
                path = organization == null ? "/account/tasks" : "/o/" + organization.slug() + "/manage/webhooks";
            }
            case STATEMENT_SENT_BACK -> {
                what = link == null ? "" : link.title();
                path = link == null ? "/account/tasks" : "/s/" + link.slug() + "/edit";
            }
            default -> {
                what = link == null ? "" : link.title();
                path = link == null ? "/account/tasks" : "/s/" + link.slug();
            }
        }
        // a scheduled time reads as the statement page shows it: on the issuing organization's clocks
        Object third = other != null
                ? other.name()
                : n.detailAt() == null
                        ? ""
                        : TimeZones.format(
                                n.detailAt(),
                                n.organization() == null ? ZoneOffset.UTC : zones.apply(n.organization()),
                                locale);
        return new Described(n, t.t(n.kind().key(), what, organizationName, third), path, n.open());
    }
}
