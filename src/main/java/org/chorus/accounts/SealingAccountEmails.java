package org.chorus.accounts;

import java.util.List;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.crypto.SealingPlainEmails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migration V1_011: seals the plain addresses of accounts created before addresses were encrypted. */
@Configuration
class SealingAccountEmails {

    static SealingPlainEmails migration(PersonalData personalData) {
        return new SealingPlainEmails(
                personalData,
                "1.011",
                "seal account emails",
                "accounts",
                "id",
                "email",
                List.of("email", "email_key"),
                Accounts.EMAIL_COLUMN);
    }

    @Bean
    SealingPlainEmails accountEmailsMigration(PersonalData personalData) {
        return migration(personalData);
    }
}
