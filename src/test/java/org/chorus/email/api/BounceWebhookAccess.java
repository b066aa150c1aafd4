package org.chorus.email.api;

import org.chorus.email.MailSettings;
import org.chorus.email.RecordingBounces;

/** Lets tests in the email package reach the webhook's package-private parts. */
public final class BounceWebhookAccess {

    private BounceWebhookAccess() {}

    public static boolean authorized(String authorization, String secret) {
        return BounceWebhook.authorized(authorization, secret);
    }

    /** The webhook of an installation that set no secret. */
    public static Object receiveWithoutSecret(RecordingBounces bounces) {
        var settings = new MailSettings(
                "smtp",
                "",
                587,
                "none",
                "",
                "",
                "Chorus <chorus@localhost>",
                1,
                1,
                1,
                60,
                30,
                new MailSettings.Bounces("", 993, true, "", "", "INBOX", ""));
        return new BounceWebhook(settings, bounces).receive("Bearer anything", "{}", null);
    }
}
