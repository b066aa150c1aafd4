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
        String preferencesUrl) {

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
