package org.chorus.organizations;

import java.util.List;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.crypto.SealingPlainEmails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migration V1_013: seals the plain addresses of invitations made before addresses were encrypted. */
@Configuration
class SealingInvitationEmails {

    static SealingPlainEmails migration(PersonalData personalData) {
        return new SealingPlainEmails(
                personalData,
                "1.013",
                "seal invitation emails",
                "invitations",
                "token_hash",
                "email_key",
                List.of("email_key"),
                Invitations.EMAIL_COLUMN);
    }

    @Bean
    SealingPlainEmails invitationEmailsMigration(PersonalData personalData) {
        return migration(personalData);
    }
}
