package org.chorus.shared.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/** Translated text for one language; templates and error handlers use it so nothing user-facing is hard-coded. */
public record Messages(MessageSource source, Locale locale) {

    public String t(String key, Object... arguments) {
        try {
            return source.getMessage(key, arguments, locale);
        } catch (NoSuchMessageException e) {
            // never fail a page over a missing key: show it, and let I18nBundlesTest catch it in the build
            return key;
        }
    }

    public String t(MessageSourceResolvable resolvable) {
        try {
            return source.getMessage(resolvable, locale);
        } catch (NoSuchMessageException e) {
            return resolvable.getDefaultMessage() == null ? "?" : resolvable.getDefaultMessage();
        }
    }
}
