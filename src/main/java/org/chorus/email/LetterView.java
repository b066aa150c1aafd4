package org.chorus.email;

import java.util.List;
import org.chorus.shared.i18n.Messages;

/**
 * What the letter templates ({@code email/letter.jte}, HTML and plain text) render: the letter, the recipient's links
 * and the footer texts in the letter's language.
 */
public record LetterView(
        Letter letter,
        Messages messages,
        String siteName,
        String siteUrl,
        String unsubscribeUrl,
        String preferencesUrl,
        String linkBase) {

    /**
     * A link as the letter gives it: a page of this site carries the letter's language ({@code ?lang=}), so the page
     * it opens speaks it without a cookie; links elsewhere are left alone.
     */
    public String link(String url) {
        return withLanguage(url, linkBase, lang());
    }

    static String withLanguage(String url, String base, String language) {
        if (url == null
                || base == null
                || !(url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?"))) {
            return url;
        }
        int hash = url.indexOf('#');
        var head = hash < 0 ? url : url.substring(0, hash);
        var fragment = hash < 0 ? "" : url.substring(hash);
        int query = head.indexOf('?');
        if (query >= 0 && ("&" + head.substring(query + 1)).contains("&lang=")) {
            return url;
        }
        return head + (query < 0 ? "?" : "&") + "lang=" + language + fragment;
    }

    public String lang() {
        return letter.language().tag();
    }

    public String dir() {
        return letter.language().direction();
    }

    public List<LetterBlock> blocks() {
        return letter.blocks();
    }

    public boolean subscribed() {
        return unsubscribeUrl != null;
    }

    public String t(String key, Object... arguments) {
        return messages.t(key, arguments);
    }
}
