package org.chorus.rsvps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import org.chorus.email.Addressee;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The RSVP's own link, in every letter about it: its page shows the RSVP (and the exact place), cancels it and stops
 * the host's messages. It is signed, not stored: an HMAC (the data keys' index key) of the RSVP's id and a random salt
 * of its row, so a copy of the database alone opens no RSVP, and any letter, now or later (reminders), can carry it
 * again without keeping a secret (as follows' links do).
 */
@Component
class RsvpLinks {

    private final PersonalData keys;
    private final ChorusProperties properties;

    RsvpLinks(PersonalData keys, ChorusProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    String path(UUID rsvp, String salt) {
        return "/rsvps/" + rsvp + "/" + signature(rsvp, salt);
    }

    String url(UUID rsvp, String salt, String language) {
        return properties.link(path(rsvp, salt) + "?lang=" + language);
    }

    Addressee.Subscription subscription(UUID rsvp, String salt) {
        return new Addressee.Subscription(
                properties.link(path(rsvp, salt) + "/unsubscribe"), properties.link(path(rsvp, salt)), list(rsvp));
    }

    /** The email engine's list of the host's messages to one RSVP: unsubscribing stops those still queued. */
    static String list(UUID rsvp) {
        return "rsvps:" + rsvp;
    }

    boolean valid(UUID rsvp, String salt, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        signature(rsvp, salt).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(UUID rsvp, String salt) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.index(rsvp + ":" + salt, "rsvps.link"));
    }
}
