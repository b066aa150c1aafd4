package org.chorus.federation;

import java.net.IDN;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Servers the site, or one organization, will not deal with: a domain covers its subdomains. {@link Severity#BLOCK}:
 * nothing is taken from them or delivered to them, and blocking removes their follows and reactions;
 * {@link Severity#SILENCE}: their follows wait for an owner's approval and their likes and boosts are not counted. The
 * site's blocks hold for every organization; an organization's hold for it alone; the stronger of the two applies.
 */
@Component
class DomainBlocks {

    enum Severity {
        BLOCK,
        SILENCE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A block as listed: for the site ({@code organization} null) or one organization. */
    record Block(String domain, OrganizationId organization, Severity severity, String reason, Instant since) {}

    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");

    private final JdbcClient jdbc;

    DomainBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A domain as people type it, made the one way it is kept: lower case, ASCII (an internationalized name in
     * punycode), without a scheme, path or port; 422 for anything that is not a domain name.
     */
    static String domain(String typed) {
        var value = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (value.contains("://")) {
            try {
                value = URI.create(value).getHost();
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("federation.domain-invalid", typed);
            }
        }
        if (value != null && value.startsWith("@")) {
            value = value.substring(value.lastIndexOf('@') + 1);
        }
        if (value == null) {
            throw DomainException.invalid("federation.domain-invalid", String.valueOf(typed));
        }
        value = value.replaceAll("[:/].*$", "").replaceAll("\\.$", "");
        try {
            value = IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("federation.domain-invalid", typed);
        }
        if (!DOMAIN.matcher(value).matches()) {
            throw DomainException.invalid("federation.domain-invalid", typed);
        }
        return value;
    }

    /** The host of an address (an actor's id, an inbox), in lower case; empty when it has none. */
    static String host(String address) {
        try {
            var host = URI.create(address).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    /** How the host is blocked for the organization (null: only the site's blocks count); empty when it is not. */
    Optional<Severity> of(String host, OrganizationId organization) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select min(case severity when 'block' then 0 else 1 end) from federation_domain_blocks
                         where (organization_id is null or organization_id = :o)
                           and (:host = domain or right(:host, length(domain) + 1) = '.' || domain)""")
                .param("o", organization == null ? null : organization.value())
                .param("host", host)
                .query(Integer.class)
                .optional()
                .map(rank -> rank == 0 ? Severity.BLOCK : Severity.SILENCE);
    }

    boolean blocked(String host, OrganizationId organization) {
        return of(host, organization).filter(s -> s == Severity.BLOCK).isPresent();
    }

    /**
     * Blocks or silences a domain for the site ({@code organization} null) or one organization, or changes how;
     * blocking removes the domain's follows and reactions (of that organization's statements alone for one
     * organization). Returns how many follows were removed.
     */
    int block(String domain, OrganizationId organization, Severity severity, String reason, Instant now) {
        var conflict = organization == null
                ? "(domain) where organization_id is null"
                : "(organization_id, domain) where organization_id is not null";
        jdbc.sql("insert into federation_domain_blocks (domain, organization_id, severity, reason, created_at)"
                        + " values (:domain, :o, :severity, :reason, :now) on conflict " + conflict
                        + " do update set severity = excluded.severity, reason = excluded.reason")
                .param("domain", domain)
                .param("o", organization == null ? null : organization.value())
                .param("severity", severity.column())
                .param("reason", reason == null ? "" : reason.strip())
                .param("now", Timestamp.from(now))
                .update();
        if (severity != Severity.BLOCK) {
            return 0;
        }
        var matches = "(%s = :domain or right(%s, length(:domain) + 1) = '.' || :domain)";
        var actorHost = "lower(substring(actor_id from '^[a-z]+://([^/:]+)'))";
        int follows = jdbc.sql(
                        "delete from federation_followers where (cast(:o as uuid) is null or organization_id = :o)"
                                + " and " + matches.formatted(actorHost, actorHost))
                .param("o", organization == null ? null : organization.value())
                .param("domain", domain)
                .update();
        if (organization == null) {
            jdbc.sql("delete from federation_reactions where " + matches.formatted(actorHost, actorHost))
                    .param("domain", domain)
                    .update();
        }
        return follows;
    }

    /**
     * Whether a host is blocked for the organization, the site's blocks and its own read once: for a delivery to many
     * inboxes.
     */
    java.util.function.Predicate<String> blockedFor(OrganizationId organization) {
        var domains = jdbc.sql("select domain from federation_domain_blocks where severity = 'block'"
                        + " and (organization_id is null or organization_id = :o)")
                .param("o", organization.value())
                .query(String.class)
                .list();
        return host -> domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    /** Lifts a block; false when there was none. */
    boolean unblock(String domain, OrganizationId organization) {
        return jdbc.sql("delete from federation_domain_blocks where domain = :domain and "
                                + (organization == null ? "organization_id is null" : "organization_id = :o"))
                        .param("domain", domain)
                        .param("o", organization == null ? null : organization.value())
                        .update()
                == 1;
    }

    /** The site's blocks ({@code organization} null) or one organization's, by domain. */
    List<Block> list(OrganizationId organization) {
        return jdbc.sql("select domain, organization_id, severity, reason, created_at from federation_domain_blocks"
                        + " where " + (organization == null ? "organization_id is null" : "organization_id = :o")
                        + " order by domain")
                .param("o", organization == null ? null : organization.value())
                .query((rs, n) -> new Block(
                        rs.getString("domain"),
                        rs.getObject("organization_id") == null
                                ? null
                                : new OrganizationId((java.util.UUID) rs.getObject("organization_id")),
                        Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
