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
        return stored(organization).orElseGet(() -> {
            var pair = RsaKeys.generate();
            jdbc.sql("""
                            insert into federation_keys (organization_id, public_key_pem, private_key, created_at)
                            values (:organization, :pem, :sealed, :now)
                            on conflict (organization_id) do nothing""")
                    .param("organization", organization.value())
                    .param("pem", RsaKeys.publicPem(pair.getPublic()))
                    .param(
                            "sealed",
                            sealing.seal(
                                    Base64.getEncoder().encodeToString(RsaKeys.privateBytes(pair.getPrivate())),
                                    COLUMN))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return stored(organization).orElseThrow();
        });
    }

    /** The site's own actor's keys ({@code /actor}), made on first use like an organization's. */
    Keys instance() {
        return storedInstance().orElseGet(() -> {
            var pair = RsaKeys.generate();
            jdbc.sql("""
                            insert into federation_instance_key (id, public_key_pem, private_key, created_at)
                            values (1, :pem, :sealed, :now) on conflict (id) do nothing""")
                    .param("pem", RsaKeys.publicPem(pair.getPublic()))
                    .param(
                            "sealed",
                            sealing.seal(
                                    Base64.getEncoder().encodeToString(RsaKeys.privateBytes(pair.getPrivate())),
                                    COLUMN))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return storedInstance().orElseThrow();
        });
    }

    private Optional<Keys> storedInstance() {
        return jdbc.sql("select public_key_pem, private_key from federation_instance_key where id = 1")
                .query((rs, n) -> new Keys(
                        rs.getString(1),
                        RsaKeys.privateKey(Base64.getDecoder().decode(sealing.open(rs.getBytes(2), COLUMN)))))
                .optional();
    }

    private Optional<Keys> stored(OrganizationId organization) {
        return jdbc.sql("select public_key_pem, private_key from federation_keys where organization_id = :organization")
                .param("organization", organization.value())
                .query((rs, n) -> new Keys(
                        rs.getString(1),
                        RsaKeys.privateKey(Base64.getDecoder().decode(sealing.open(rs.getBytes(2), COLUMN)))))
                .optional();
    }
}
