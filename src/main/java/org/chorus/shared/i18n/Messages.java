package org.chorus.shared.i18n;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * Translated text for one language; templates and error handlers use it so nothing user-facing is hard-coded. A key
 * missing from every bundle never reaches a person: the page says in their language that something could not be
 * shown, and the log names the key. Tests run with {@code chorus.messages.strict=true}, where a missing key fails
 * the request instead ({@link MessagesConfiguration}).
 */
public record Messages(MessageSource source, Locale locale) {

    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    /** Shown instead of a text whose key is missing; itself in every bundle of {@code shared}. */
    static final String MISSING = "message.missing";

    public String t(String key, Object... arguments) {
        try {
            return source.getMessage(key, arguments, locale);
        } catch (MessagesConfiguration.StrictMessageSource.Missing inTests) {
            throw new IllegalStateException("No message for key '" + key + "' in any bundle", inTests);
        } catch (NoSuchMessageException e) {
            log.warn("No message for key '{}' ({}): a person saw a placeholder instead", key, locale);
            return missing();
        }
    }

    public String t(MessageSourceResolvable resolvable) {
        try {
            return source.getMessage(resolvable, locale);
        } catch (NoSuchMessageException e) {
            return resolvable.getDefaultMessage() == null ? missing() : resolvable.getDefaultMessage();
        }
    }

    private String missing() {
        try {
            return source.getMessage(MISSING, null, locale);
        } catch (NoSuchMessageException e) {
            return "…";
        }
    }
}
