package org.chorus.email;

import java.util.List;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.i18n.Language;

/**
 * What a message says, in one language, before it is addressed: the engine renders it into an HTML and a plain-text
 * part with the same layout for every kind of message. Callers translate the texts into the recipient's language.
 *
 * @param kind what sort of message this is, e.g. {@code accounts.confirm-address} (for logs, metrics and /dev/mail)
 * @param language the language of the texts; Arabic is laid out right to left
 * @param subject one line; line breaks and control characters are removed
 * @param blocks the body, in order
 * @param reason the footer line saying why the recipient gets this message
 * @param batch groups the messages of one sending (e.g. {@code announcement:42}) for progress counts; may be null
 * @param replyTo where answers go when not to the platform's address (a supporter's letter to an official: the
 *     supporter), else null; it travels sealed with the letter
 */
public record Letter(
        String kind,
        Language language,
        String subject,
        List<LetterBlock> blocks,
        String reason,
        String batch,
        ReplyTo replyTo) {

    public Letter {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a letter needs a kind");
        }
        subject = HeaderText.clean(subject);
        blocks = List.copyOf(blocks);
        reason = reason == null ? "" : reason;
    }

    public Letter(
            String kind, Language language, String subject, List<LetterBlock> blocks, String reason, String batch) {
        this(kind, language, subject, blocks, reason, batch, null);
    }

    public Letter(String kind, Language language, String subject, List<LetterBlock> blocks, String reason) {
        this(kind, language, subject, blocks, reason, null, null);
    }

    /** The same letter, with answers going to this person instead of the platform's address. */
    public Letter replyingTo(String address, String name) {
        return new Letter(kind, language, subject, blocks, reason, batch, new ReplyTo(address, name));
    }

    /** The address (checked: one address, no line breaks) and the name of the Reply-To header. */
    public record ReplyTo(String address, String name) {
        public ReplyTo {
            address = EmailAddress.check(address);
            name = name == null ? null : HeaderText.clean(name);
        }
    }
}
