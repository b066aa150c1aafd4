package org.chorus.rsvps;

import java.net.URI;
import java.net.URISyntaxException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;

/**
 * The thank-you a campaign's organizers write for the people who went to its actions: the campaign's next step (plain
 * text) and, if they give one, an https link to it.
 */
public record RsvpThanks(String text, String link) {

    public static final int TEXT_MAX = 2_000;
    public static final int LINK_MAX = 500;

    /** No thank-you: nothing is sent. */
    public static final RsvpThanks NONE = new RsvpThanks("", null);

    public RsvpThanks {
        text = text == null ? "" : text.strip();
        link = link == null || link.isBlank() ? null : link.strip();
    }

    /** The form as typed, checked: empty words mean no thank-you (a link without words is refused). */
    public static RsvpThanks written(String text, String link) {
        var typed = new RsvpThanks(text, link);
        var checks = new FieldChecks();
        checks.check(() -> {
            if (typed.text().length() > TEXT_MAX) {
                throw new InvalidField("text", "rsvp.thanks.text.too-long", TEXT_MAX);
            }
            if (typed.text().isEmpty() && typed.link() != null) {
                throw new InvalidField("text", "rsvp.thanks.text.required");
            }
        });
        checks.check(() -> {
            if (typed.link() != null && !isHttps(typed.link())) {
                throw new InvalidField("link", "rsvp.thanks.link.https-only", LINK_MAX);
            }
        });
        checks.done();
        return typed;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    private static boolean isHttps(String link) {
        if (link.length() > LINK_MAX) {
            return false;
        }
        try {
            var uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
