package org.chorus.webhooks;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The endpoints organizations registered ({@code webhook_endpoints}), with their secrets: made here
 * ({@code whsec_} and 24 random bytes in base64, as Standard Webhooks writes them), sealed at rest.
 */
@Component
class WebhookEndpoints {

    static final String COLUMN = "webhook_endpoints.secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An endpoint as its owners see it (never its secret). */
    record Endpoint(
            UUID id,
            OrganizationId organization,
            String url,
            List<String> events,
            String description,
            Instant since,
            Instant disabledAt) {}

    private final JdbcClient jdbc;
    private final PersonalData sealing;

    WebhookEndpoints(JdbcClient jdbc, PersonalData sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    static String newSecret() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    UUID insert(
            OrganizationId organization,
            String url,
            List<String> events,
            String description,
            String secret,
            UUID by,
            Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_endpoints
                            (id, organization_id, url, events, description, secret_sealed, created_by, created_at)
                        values (:id, :o, :url, :events, :description, :secret, :by, :now)""")
                .param("id", id)
                .param("o", organization.value())
                .param("url", url)
                .param("events", events.toArray(String[]::new))
                .param("description", description)
                .param("secret", sealing.seal(secret, COLUMN))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    private static final String SELECT =
            "select id, organization_id, url, events, description, created_at, disabled_at from webhook_endpoints ";

    private static Endpoint endpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Endpoint(
                rs.getObject("id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("url"),
                List.of((String[]) rs.getArray("events").getArray()),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("disabled_at") == null
                        ? null
                        : rs.getTimestamp("disabled_at").toInstant());
    }

    List<Endpoint> of(OrganizationId organization) {
        return jdbc.sql(SELECT + "where organization_id = :o order by created_at, id")
                .param("o", organization.value())
                .query((rs, n) -> endpoint(rs))
                .list();
    }

    /** The organization's endpoints that take this type of event. */
    List<Endpoint> subscribed(OrganizationId organization, String type) {
        return jdbc.sql(SELECT + "where organization_id = :o and :type = any(events) and disabled_at is null"
                        + " order by created_at, id")
                .param("o", organization.value())
                .param("type", type)
                .query((rs, n) -> endpoint(rs))
                .list();
    }

    Optional<Endpoint> byId(UUID id) {
        return jdbc.sql(SELECT + "where id = :id")
                .param("id", id)
                .query((rs, n) -> endpoint(rs))
                .optional();
    }

    /** The endpoint's secret, to sign with; empty once the endpoint is removed. */
    Optional<String> secret(UUID id) {
        return jdbc.sql("select secret_sealed from webhook_endpoints where id = :id")
                .param("id", id)
                .query((rs, n) -> sealing.open(rs.getBytes(1), COLUMN))
                .optional();
    }

    /** Turns the endpoint off (if on); the endpoint as it was, or empty when it was off or gone. */
    Optional<Endpoint> disable(UUID id, Instant now) {
        var endpoint = byId(id).filter(e -> e.disabledAt() == null);
        endpoint.ifPresent(e -> jdbc.sql("update webhook_endpoints set disabled_at = :now where id = :id")
                .param("id", id)
                .param("now", java.sql.Timestamp.from(now))
                .update());
        return endpoint;
    }

    /** Turns the organization's endpoint on again; false when it has no such endpoint. */
    boolean enable(OrganizationId organization, UUID id) {
        return jdbc.sql("update webhook_endpoints set disabled_at = null where id = :id and organization_id = :o")
                        .param("id", id)
                        .param("o", organization.value())
                        .update()
                == 1;
    }

    boolean remove(OrganizationId organization, UUID id) {
        return jdbc.sql("delete from webhook_endpoints where id = :id and organization_id = :o")
                        .param("id", id)
                        .param("o", organization.value())
                        .update()
                == 1;
    }
}
