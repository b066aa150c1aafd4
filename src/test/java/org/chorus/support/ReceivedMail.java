package org.chorus.support;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;

/** Reads what tests need from a message GreenMail received: its parts and the path of a link in it. */
public final class ReceivedMail {

    private ReceivedMail() {}

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The path (from the first slash after the host) of the first link in the text part that starts with prefix. */
    public static String linkPath(MimeMessage message, String prefix) {
        var matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[^\\s]*)")
                .matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no link to " + prefix + " in:\n" + text(message));
        }
        return matcher.group(1);
    }

    /**
     * The content of the message's first part of this MIME type (e.g. {@code text/plain}), in nested multiparts too (a
     * letter with attachments is multipart/mixed around its multipart/alternative).
     */
    public static String part(MimeMessage message, String type) {
        try {
            var found = find((Multipart) message.getContent(), type, null);
            if (found != null) {
                return found;
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the message", e);
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The text of the attachment of this file name, or an error when there is none. */
    public static String attachment(MimeMessage message, String fileName) {
        try {
            var found = find((Multipart) message.getContent(), null, fileName);
            if (found != null) {
                return found;
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the message", e);
        }
        throw new AssertionError("no attachment " + fileName);
    }

    private static String find(Multipart multipart, String type, String fileName) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                var found = find(inner, type, fileName);
                if (found != null) {
                    return found;
                }
            } else if (fileName != null
                    ? fileName.equals(part.getFileName())
                    : part.isMimeType(type) && part.getFileName() == null) {
                var content = part.getContent();
                return content instanceof String text
                        ? text
                        : new String(
                                ((java.io.InputStream) content).readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
