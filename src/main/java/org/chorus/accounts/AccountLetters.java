package org.chorus.accounts;

import java.util.ArrayList;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The messages the accounts module sends, each in the account's language and queued in the caller's transaction:
 * address confirmation at sign-up, password reset, the three messages of a change of address, and the notices to an
 * address's owner when someone else tries to sign up with it or move another account to it (so that the pages can
 * answer alike whether or not the address has an account).
 */
@Component
class AccountLetters {

    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final SiteName site;

    AccountLetters(Mail mail, MessageSource messages, ChorusProperties properties, SiteName siteName) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.site = siteName;
    }

    /**
     * What tells the account messages apart: the kind the outbox records, the prefix of its texts ({@code
     * .subject}, {@code .text}, then {@code .not-you} and {@code .button} where it has them) and why the person
     * gets it. Every message has the same shape: greeting, text, an optional warning, an optional button.
     */
    private enum Message {
        CONFIRM_SIGN_UP("accounts.confirm-sign-up", "account-mail.confirm", "account-mail.confirm.reason", false),
        RESET_PASSWORD("accounts.reset-password", "account-mail.reset", "account-mail.reset.reason", false),
        CONFIRM_NEW_ADDRESS(
                "accounts.confirm-new-address", "account-mail.new-address", "account-mail.new-address.reason", false),
        ADDRESS_CHANGE_REQUESTED(
                "accounts.address-change-requested",
                "account-mail.change-requested",
                "account-mail.address.reason",
                true),
        ADDRESS_CHANGED("accounts.address-changed", "account-mail.changed", "account-mail.address.reason", true),
        SIGN_UP_ATTEMPTED(
                "accounts.sign-up-attempted", "account-mail.sign-up-attempted", "account-mail.address.reason", false),
        ADDRESS_IN_USE("accounts.address-in-use", "account-mail.address-in-use", "account-mail.address.reason", false);

        final String kind;
        final String texts;
        final String reason;
        final boolean notYou;

        Message(String kind, String texts, String reason, boolean notYou) {
            this.kind = kind;
            this.texts = texts;
            this.reason = reason;
            this.notYou = notYou;
        }
    }

    void confirmSignUp(Account account, SecretToken token) {
        send(
                Message.CONFIRM_SIGN_UP,
                account,
                account.email(),
                "confirm:" + token.hash(),
                "/signup/confirm/" + token.value());
    }

    void resetPassword(Account account, SecretToken token) {
        send(
                Message.RESET_PASSWORD,
                account,
                account.email(),
                "reset:" + token.hash(),
                "/password/reset/" + token.value());
    }

    /** To the new address: the link that completes the change. */
    void confirmNewAddress(Account account, String newAddress, SecretToken token) {
        send(
                Message.CONFIRM_NEW_ADDRESS,
                account,
                newAddress,
                "new-address:" + token.hash(),
                "/email-change/" + token.value());
    }

    /** To the current address: someone asked to move the account to another address. */
    void addressChangeRequested(Account account, String newAddress, SecretToken token) {
        send(
                Message.ADDRESS_CHANGE_REQUESTED,
                account,
                account.email(),
                "change-requested:" + token.hash(),
                "/password/forgot",
                mask(newAddress));
    }

    /** To the address the account had: the change is done. */
    void addressChanged(Account account, String oldAddress, String newAddress, String tokenHash) {
        send(Message.ADDRESS_CHANGED, account, oldAddress, "changed:" + tokenHash, null, mask(newAddress));
    }

    /**
     * To an account's address when someone signs up with it: they already have an account, and how to get back in.
     * At most one an hour (the key names the hour), however often the form is sent.
     */
    void signUpAttempted(Account account, long hour) {
        send(
                Message.SIGN_UP_ATTEMPTED,
                account,
                account.email(),
                "sign-up-attempted:" + account.id() + ":" + hour,
                "/password/forgot");
    }

    /** To an account's address when another account asks to move to it: nothing changes for them. */
    void addressInUse(Account owner, SecretToken token) {
        send(Message.ADDRESS_IN_USE, owner, owner.email(), "address-in-use:" + token.hash(), null);
    }

    /** {@code nadia@example.org} becomes {@code n***@example.org}: enough to recognise, too little to reuse. */
    static String mask(String address) {
        var at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }

    /** The one shape of every account message; {@code buttonPath} null for a message without a button. */
    private void send(Message message, Account account, String to, String key, String buttonPath, Object... more) {
        var t = new Messages(messages, language(account).locale());
        var textArguments = new Object[more.length + 1];
        textArguments[0] = site.name();
        System.arraycopy(more, 0, textArguments, 1, more.length);
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("account-mail.greeting", account.displayName())));
        blocks.add(new LetterBlock.Paragraph(t.t(message.texts + ".text", textArguments)));
        if (message.notYou) {
            blocks.add(new LetterBlock.Paragraph(t.t(message.texts + ".not-you", site.name())));
        }
        if (buttonPath != null) {
            blocks.add(new LetterBlock.Button(t.t(message.texts + ".button"), properties.link(buttonPath)));
        }
        mail.send(
                new Letter(
                        message.kind,
                        language(account),
                        t.t(message.texts + ".subject", site.name()),
                        blocks,
                        t.t(message.reason, site.name())),
                Addressee.transactional(to, account.displayName(), "accounts." + key));
    }

    private static Language language(Account account) {
        return Language.byTag(account.language()).orElse(Language.DEFAULT);
    }
}
