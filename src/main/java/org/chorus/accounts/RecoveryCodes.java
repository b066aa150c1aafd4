package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores single-use recovery codes in {@code account_recovery_codes}, only as keyed hashes (the blind-index key of
 * {@link PersonalData}, with the account id): a code has 40 bits, which a plain hash would give up to anyone holding a
 * copy of the database in seconds; without the data keys, which live outside the database, nothing can be tried.
 */
@Repository
class RecoveryCodes {

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    RecoveryCodes(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    private String hash(AccountId account, String code) {
        return HexFormat.of().formatHex(personalData.index(account.value() + ":" + code, "recovery-code"));
    }

    /** Replaces all of the account's codes with these. */
    void replace(AccountId account, List<String> codes, Instant at) {
        deleteAll(account);
        for (var code : codes) {
            jdbc.sql("insert into account_recovery_codes (account_id, code_hash, created_at) values (:id, :hash, :at)")
                    .param("id", account.value())
                    .param("hash", hash(account, code))
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    /** Marks an unused code used; false when it is not one of the account's unused codes. */
    boolean use(AccountId account, String code, Instant at) {
        return jdbc.sql("""
                        update account_recovery_codes set used_at = :at
                        where account_id = :id and code_hash = :hash and used_at is null
                        """)
                        .param("id", account.value())
                        .param("hash", hash(account, code))
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    int unused(AccountId account) {
        return jdbc.sql("select count(*) from account_recovery_codes where account_id = :id and used_at is null")
                .param("id", account.value())
                .query(Integer.class)
                .single();
    }

    void deleteAll(AccountId account) {
        jdbc.sql("delete from account_recovery_codes where account_id = :id")
                .param("id", account.value())
                .update();
    }
}
