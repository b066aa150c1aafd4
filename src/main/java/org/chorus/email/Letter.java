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
 * @param attachments text files sent along (an action's calendar entry), sealed with the letter; usually none
 */
public record Letter(
        String kind,
        Language language,
        String subject,
        List<LetterBlock> blocks,
        String reason,
        String batch,
        ReplyTo replyTo,
        List<Attachment> attachments) {

    public Letter {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a letter needs a kind");
        }
        subject = HeaderText.clean(subject);
        blocks = List.copyOf(blocks);
        reason = reason == null ? "" : reason;
        // letters queued before attachments existed have none
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Letter(
            String kind, Language language, String subject, List<LetterBlock> blocks, String reason, String batch) {
        this(kind, language, subject, blocks, reason, batch, null, List.of());
    }

    public Letter(String kind, Language language, String subject, List<LetterBlock> blocks, String reason) {
        this(kind, language, subject, blocks, reason, null, null, List.of());
    }

    /** The same letter, with answers going to this person instead of the platform's address. */
    public Letter replyingTo(String address, String name) {
        return new Letter(kind, language, subject, blocks, reason, batch, new ReplyTo(address, name), attachments);
    }

    /** The same letter with this file attached too. */
    public Letter attaching(Attachment attachment) {
        var all = new java.util.ArrayList<>(attachments);
        all.add(attachment);
        return new Letter(kind, language, subject, blocks, reason, batch, replyTo, all);
    }

    /**
     * A text file sent along with the letter, e.g. {@code action.ics} as {@code text/calendar}.
     *
     * @param fileName the name mail programs show: letters, digits, dots, dashes and underscores only
     * @param mediaType a MIME type without parameters (the text goes as UTF-8)
     * @param text the file's content
     */
    public record Attachment(String fileName, String mediaType, String text) {

        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");
        private static final java.util.regex.Pattern TYPE =
                java.util.regex.Pattern.compile("[a-z]+/[a-z0-9.+-]{1,100}");

        public Attachment {
            if (fileName == null || !NAME.matcher(fileName).matches() || fileName.startsWith(".")) {
                throw new IllegalArgumentException("an attachment's name is letters, digits, '.', '-' and '_'");
            }
            if (mediaType == null || !TYPE.matcher(mediaType).matches()) {
                throw new IllegalArgumentException("an attachment's media type is type/subtype, no parameters");
            }
            if (text == null) {
                throw new IllegalArgumentException("an attachment has a text");
            }
        }

        /** A calendar (RFC 5545) as {@code name}.ics. */
        public static Attachment calendar(String name, String text) {
            return new Attachment(name + ".ics", "text/calendar", text);
        }
    }

    /** The address (checked: one address, no line breaks) and the name of the Reply-To header. */
    public record ReplyTo(String address, String name) {
        public ReplyTo {
            address = EmailAddress.check(address);
            name = name == null ? null : HeaderText.clean(name);
        }
    }
}
