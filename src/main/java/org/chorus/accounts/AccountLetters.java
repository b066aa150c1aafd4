package org.chorus.accounts;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The messages the accounts module sends, each in the account's language and queued in the caller's transaction:
 * address confirmation at sign-up, password reset, and the three messages of a change of address.
 */
@Component
class AccountLetters {

    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final String site;

    AccountLetters(Mail mail, MessageSource messages, ChorusProperties properties) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.site = Objects.requireNonNullElse(URI.create(properties.baseUrl()).getHost(), properties.baseUrl());
    }

    void confirmSignUp(Account account, SecretToken token) {
        var t = messages(account);
        send(
                account,
                account.email(),
                "accounts.confirm-sign-up",
                "confirm:" + token.hash(),
                t.t("account-mail.confirm.subject", site),
                t.t("account-mail.confirm.reason", site),
                paragraph(t.t("account-mail.greeting", account.displayName())),
                paragraph(t.t("account-mail.confirm.text", site)),
                new LetterBlock.Button(
                        t.t("account-mail.confirm.button"), properties.link("/signup/confirm/" + token.value())));
    }

    void resetPassword(Account account, SecretToken token) {
        var t = messages(account);
        send(
                account,
                account.email(),
                "accounts.reset-password",
                "reset:" + token.hash(),
                t.t("account-mail.reset.subject", site),
                t.t("account-mail.reset.reason", site),
                paragraph(t.t("account-mail.greeting", account.displayName())),
                paragraph(t.t("account-mail.reset.text", site)),
                new LetterBlock.Button(
                        t.t("account-mail.reset.button"), properties.link("/password/reset/" + token.value())));
    }

    /** To the new address: the link that completes the change. */
    void confirmNewAddress(Account account, String newAddress, SecretToken token) {
        var t = messages(account);
        send(
                account,
                newAddress,
                "accounts.confirm-new-address",
                "new-address:" + token.hash(),
                t.t("account-mail.new-address.subject", site),
                t.t("account-mail.new-address.reason", site),
                paragraph(t.t("account-mail.greeting", account.displayName())),
                paragraph(t.t("account-mail.new-address.text", site)),
                new LetterBlock.Button(
                        t.t("account-mail.new-address.button"), properties.link("/email-change/" + token.value())));
    }

    /** To the current address: someone asked to move the account to another address. */
    void addressChangeRequested(Account account, String newAddress, SecretToken token) {
        var t = messages(account);
        send(
                account,
                account.email(),
                "accounts.address-change-requested",
                "change-requested:" + token.hash(),
                t.t("account-mail.change-requested.subject", site),
                t.t("account-mail.address.reason", site),
                paragraph(t.t("account-mail.greeting", account.displayName())),
                paragraph(t.t("account-mail.change-requested.text", site, mask(newAddress))),
                paragraph(t.t("account-mail.change-requested.not-you")),
                new LetterBlock.Button(
                        t.t("account-mail.change-requested.button"), properties.link("/password/forgot")));
    }

    /** To the address the account had: the change is done. */
    void addressChanged(Account account, String oldAddress, String newAddress, String tokenHash) {
        var t = messages(account);
        send(
                account,
                oldAddress,
                "accounts.address-changed",
                "changed:" + tokenHash,
                t.t("account-mail.changed.subject", site),
                t.t("account-mail.address.reason", site),
                paragraph(t.t("account-mail.greeting", account.displayName())),
                paragraph(t.t("account-mail.changed.text", site, mask(newAddress))),
                paragraph(t.t("account-mail.changed.not-you", site)));
    }

    /** {@code nadia@example.org} becomes {@code n***@example.org}: enough to recognise, too little to reuse. */
    static String mask(String address) {
        var at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }

    private void send(
            Account account, String to, String kind, String key, String subject, String reason, LetterBlock... blocks) {
        mail.send(
                new Letter(kind, language(account), subject, List.of(blocks), reason),
                Addressee.transactional(to, account.displayName(), "accounts." + key));
    }

    private Messages messages(Account account) {
        return new Messages(messages, language(account).locale());
    }

    private static Language language(Account account) {
        return Language.byTag(account.language()).orElse(Language.DEFAULT);
    }

    private static LetterBlock paragraph(String text) {
        return new LetterBlock.Paragraph(text);
    }
}
