package org.chorus.federation;

import java.security.PrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.chorus.federation.signing.RsaKeys;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key pair each organization signs its activities with: made on first use (RSA 2048, as Mastodon's), the private
 * half sealed at rest ({@link PersonalData}, column {@value #COLUMN}). Two nodes making one at once keep the first.
 */
@Component
class ActorKeys {

    static final String COLUMN = "federation_keys.private_key";

    /** An organization's keys: the public one as published, the private one opened for signing. */
    record Keys(String publicKeyPem, PrivateKey privateKey) {}

    private final JdbcClient jdbc;
    private final PersonalData sealing;
    private final Clock clock;

    ActorKeys(JdbcClient jdbc, PersonalData sealing, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.clock = clock;
    }

    Keys of(OrganizationId organization) {
        return stored(organization).orElseGet(() -> made("""
                        insert into federation_keys (organization_id, public_key_pem, private_key, created_at)
                        values (:organization, :pem, :sealed, :now)
                        on conflict (organization_id) do nothing""", organization.value(), () -> stored(organization)));
    }

    /** The site's own actor's keys ({@code /actor}), made on first use like an organization's. */
    Keys instance() {
        return stored().orElseGet(() -> made("""
                        insert into federation_instance_key (id, public_key_pem, private_key, created_at)
                        values (1, :pem, :sealed, :now) on conflict (id) do nothing""", null, this::stored));
    }

    /** A new pair, stored unless another node stored one first; the stored one either way. */
    private Keys made(String insert, java.util.UUID organization, java.util.function.Supplier<Optional<Keys>> stored) {
        var pair = RsaKeys.generate();
        var statement = jdbc.sql(insert)
                .param("pem", RsaKeys.publicPem(pair.getPublic()))
                .param(
                        "sealed",
                        sealing.seal(
                                Base64.getEncoder().encodeToString(RsaKeys.privateBytes(pair.getPrivate())), COLUMN))
                .param("now", Timestamp.from(clock.instant()));
        (organization == null ? statement : statement.param("organization", organization)).update();
        return stored.get().orElseThrow();
    }

    private Optional<Keys> stored() {
        return read(jdbc.sql("select public_key_pem, private_key from federation_instance_key where id = 1"));
    }

    private Optional<Keys> stored(OrganizationId organization) {
        return read(jdbc.sql(
                        "select public_key_pem, private_key from federation_keys where organization_id = :organization")
                .param("organization", organization.value()));
    }

    private Optional<Keys> read(JdbcClient.StatementSpec query) {
        return query.query((rs, n) -> new Keys(
                        rs.getString(1),
                        RsaKeys.privateKey(Base64.getDecoder().decode(sealing.open(rs.getBytes(2), COLUMN)))))
                .optional();
    }
}
