package org.chorus.federation;

import java.net.URI;
import java.util.Locale;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.stereotype.Component;

/**
 * The addresses Chorus's actors and objects have on the fediverse. An organization's actor is its page ({@code /o/slug},
 * answering with the actor by content negotiation), so a link to it in a post and its id are the same; a statement is
 * its page ({@code /s/slug}); activities Chorus makes hang below their actor's address.
 */
@Component
public class Addresses {

    private final ChorusProperties chorus;

    Addresses(ChorusProperties chorus) {
        this.chorus = chorus;
    }

    public String actor(String slug) {
        return chorus.link("/o/" + slug);
    }

    /** The site's own actor, which signs Chorus's requests for other servers' documents. */
    public String instanceActor() {
        return chorus.link("/actor");
    }

    public String keyId(String slug) {
        return actor(slug) + "#main-key";
    }

    public String inbox(String slug) {
        return actor(slug) + "/inbox";
    }

    public String outbox(String slug) {
        return actor(slug) + "/outbox";
    }

    public String followers(String slug) {
        return actor(slug) + "/followers";
    }

    public String sharedInbox() {
        return chorus.link("/inbox");
    }

    public String statement(String slug) {
        return chorus.link("/s/" + slug);
    }

    public String link(String path) {
        return chorus.link(path);
    }

    /** The address's own activity: {@code <actor>/activities/<what>}. */
    public String activity(String slug, String what) {
        return actor(slug) + "/activities/" + what;
    }

    /**
     * The host an {@code acct:} address names this server by: the base URL's host, with its port when it is not the
     * scheme's usual one ({@code acct:climate-league@localhost:8080}), in lower case.
     */
    public String host() {
        var base = URI.create(chorus.baseUrl());
        var host = base.getHost().toLowerCase(Locale.ROOT);
        return base.getPort() < 0 ? host : host + ":" + base.getPort();
    }

    /** The slug an address of this server's actors names ({@code https://host/o/slug}); null for any other. */
    public String slugOfActor(String address) {
        var prefix = chorus.link("/o/");
        if (address == null || !address.startsWith(prefix)) {
            return null;
        }
        var slug = address.substring(prefix.length());
        return slug.isEmpty() || slug.contains("/") || slug.contains("#") || slug.contains("?") ? null : slug;
    }

    /** The scheme of this site's own address, which handles of other servers are looked up over (https in production). */
    public String scheme() {
        return URI.create(chorus.baseUrl()).getScheme();
    }

    /** A short name made from a longer one, the same every time: for ids of activities made from another's id. */
    static String shortHash(String value) {
        return org.chorus.shared.SecretToken.hash(value).substring(0, 32);
    }
}
