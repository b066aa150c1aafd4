package org.chorus.follows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import org.chorus.email.Addressee;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The links a follower gets. The confirmation link carries the follow's secret token itself (only its hash is stored);
 * the unsubscribe and preferences links carry a signature of the follow and that hash under the data index key, so
 * they can be written into every letter without keeping the token, a copy of the database cannot forge them, and
 * asking to follow again (a new token) revokes them.
 */
@Component
class FollowLinks {

    private final PersonalData keys;
    private final ChorusProperties settings;

    FollowLinks(PersonalData keys, ChorusProperties settings) {
        this.keys = keys;
        this.settings = settings;
    }

    String confirmUrl(SecretToken token) {
        return settings.link("/follows/confirm/" + token.value());
    }

    String preferencesUrl(UUID follow, String tokenHash) {
        return settings.link(preferencesPath(follow, tokenHash));
    }

    String preferencesPath(UUID follow, String tokenHash) {
        return "/follows/" + follow + "/" + signature(follow, tokenHash);
    }

    String unsubscribeUrl(UUID follow, String tokenHash) {
        return settings.link(preferencesPath(follow, tokenHash) + "/unsubscribe");
    }

    Addressee.Subscription subscription(UUID follow, String tokenHash) {
        return new Addressee.Subscription(
                unsubscribeUrl(follow, tokenHash), preferencesUrl(follow, tokenHash), list(follow));
    }

    /** The email engine's list of one follow: unsubscribing stops its queued messages. */
    static String list(UUID follow) {
        return "follows:" + follow;
    }

    boolean valid(UUID follow, String tokenHash, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        signature(follow, tokenHash).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(UUID follow, String tokenHash) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(keys.index(follow + ":" + tokenHash, "follows.link"));
    }
}
