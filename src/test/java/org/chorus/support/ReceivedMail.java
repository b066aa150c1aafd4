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

    /** The content of the message's first part of this MIME type (e.g. {@code text/plain}). */
    public static String part(MimeMessage message, String type) {
        try {
            var multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the message", e);
        }
        throw new AssertionError("no " + type + " part");
    }
}
