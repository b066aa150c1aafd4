package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores each account's authenticator-app secret in {@code account_totp}, sealed ({@link PersonalData#seal}). */
@Repository
class TotpSecrets {

    static final String SECRET_COLUMN = "account_totp.secret";

    /** A stored secret; {@code confirmed} once the person typed a code from their app. */
    record Stored(byte[] secret, boolean confirmed, long lastStep) {}

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    TotpSecrets(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    /** Starts a setup: a new unconfirmed secret replaces any unconfirmed one; a confirmed one is kept. */
    void startSetup(AccountId account, byte[] secret, Instant at) {
        jdbc.sql("""
                        insert into account_totp (account_id, secret_sealed, created_at) values (:id, :secret, :at)
                        on conflict (account_id) do update set secret_sealed = excluded.secret_sealed,
                               created_at = excluded.created_at, last_step = 0
                        where account_totp.confirmed_at is null
                        """)
                .param("id", account.value())
                .param("secret", personalData.seal(Totp.base32(secret), SECRET_COLUMN))
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Stored> find(AccountId account) {
        return jdbc.sql("select secret_sealed, confirmed_at, last_step from account_totp where account_id = :id")
                .param("id", account.value())
                .query((rs, row) -> new Stored(
                        Base32.decode(personalData.open(rs.getBytes("secret_sealed"), SECRET_COLUMN)),
                        rs.getTimestamp("confirmed_at") != null,
                        rs.getLong("last_step")))
                .optional();
    }

    boolean confirmed(AccountId account) {
        return jdbc.sql("select count(*) from account_totp where account_id = :id and confirmed_at is not null")
                        .param("id", account.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Records that a code of {@code step} was accepted, only if no code of that step or a later one was: false when
     * another request used it first, so two requests racing with the same code cannot both pass.
     */
    boolean accept(AccountId account, long step, Instant at, boolean confirming) {
        return jdbc.sql("""
                        update account_totp set last_step = :step,
                               confirmed_at = case when :confirming then cast(:at as timestamptz) else confirmed_at end
                        where account_id = :id and last_step < :step
                        """)
                        .param("id", account.value())
                        .param("step", step)
                        .param("at", Timestamp.from(at))
                        .param("confirming", confirming)
                        .update()
                == 1;
    }

    boolean delete(AccountId account) {
        return jdbc.sql("delete from account_totp where account_id = :id")
                        .param("id", account.value())
                        .update()
                > 0;
    }

    /** Base32 back to bytes (the sealed form is the text the person also sees). */
    static final class Base32 {
        private Base32() {}

        static byte[] decode(String text) {
            var out = new java.io.ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toCharArray()) {
                int value = c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26;
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
