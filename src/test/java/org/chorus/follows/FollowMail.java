package org.chorus.follows;

import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.chorus.support.ReceivedMail;

/** Reading the letters followers get: their parts and the links in them. */
final class FollowMail {

    private FollowMail() {}

    static String part(MimeMessage message, String type) {
        return ReceivedMail.part(message, type);
    }

    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /**
     * The path of the first link in the text part that starts with {@code http://localhost<prefix>}, without the
     * letter's language that every link carries ({@code ?lang=}, checked by {@code LettersNameTheSiteTest}).
     */
    static String link(MimeMessage message, String prefix) {
        var matcher = Pattern.compile("http://localhost(" + Pattern.quote(prefix) + "[^\\s<>\"]*)")
                .matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no link to " + prefix + " in:\n" + text(message));
        }
        return matcher.group(1).replaceFirst("\\?lang=[a-z]+$", "");
    }

    static String header(MimeMessage message, String name) {
        try {
            var values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
