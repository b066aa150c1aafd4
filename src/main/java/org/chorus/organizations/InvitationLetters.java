package org.chorus.organizations;

import java.util.List;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The invitation email: who invites, to which organization, with which role, and the link. */
@Component
class InvitationLetters {

    private final Mail mail;
    private final MessageSource messages;
    private final SiteName site;

    InvitationLetters(Mail mail, MessageSource messages, SiteName siteName) {
        this.mail = mail;
        this.messages = messages;
        this.site = siteName;
    }

    void invite(
            String address,
            Language language,
            Organization organization,
            String inviter,
            Role role,
            SecretToken token,
            String link) {
        var t = new Messages(messages, language.locale());
        mail.send(
                new Letter(
                        "organizations.invitation",
                        language,
                        t.t("invitation-mail.subject", inviter, organization.name()),
                        List.of(
                                new LetterBlock.Paragraph(t.t("invitation-mail.greeting")),
                                new LetterBlock.Paragraph(t.t(
                                        "invitation-mail.text",
                                        inviter,
                                        organization.name(),
                                        site.name(),
                                        t.t(role.key()))),
                                new LetterBlock.Paragraph(t.t("invitation-mail.how")),
                                new LetterBlock.Button(t.t("invitation-mail.button"), link)),
                        t.t("invitation-mail.reason", inviter, organization.name(), site.name())),
                Addressee.transactional(address, null, "organizations.invitation:" + token.hash()));
    }
}
