package org.chorus.shared.i18n;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The translations: one bundle per module, {@code messages/<module>_<lang>.properties} in UTF-8. Every bundle that has
 * an English file is loaded, so a new module's messages need no registration.
 */
@Configuration
class MessagesConfiguration {

    static final String PATTERN = "classpath*:messages/*_en.properties";

    @Bean
    MessageSource messageSource(@Value("${chorus.messages.strict:false}") boolean strict) throws IOException {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Language.DEFAULT.locale());
        source.setUseCodeAsDefaultMessage(false);
        // always parse with MessageFormat, so a message reads the same with or without arguments
        source.setAlwaysUseMessageFormat(true);
        return strict ? new StrictMessageSource(source) : source;
    }

    /**
     * For tests: a key missing from every bundle makes {@link Messages} throw an {@link IllegalStateException}, so the
     * page or letter that would have shown a placeholder fails (a 500 the test sees) instead.
     */
    record StrictMessageSource(MessageSource bundles) implements MessageSource {

        /**
         * Still a {@link NoSuchMessageException} for libraries that look a key up and fall back (springdoc), but one
         * that {@link Messages}, which shows texts to people, turns into a failure.
         */
        static final class Missing extends NoSuchMessageException {

            Missing(String code, Locale locale) {
                super(code, locale);
            }
        }

        @Override
        public String getMessage(
                String code, Object @Nullable [] args, @Nullable String defaultMessage, Locale locale) {
            return bundles.getMessage(code, args, defaultMessage, locale);
        }

        @Override
        public String getMessage(String code, Object @Nullable [] args, Locale locale) {
            try {
                return bundles.getMessage(code, args, locale);
            } catch (NoSuchMessageException e) {
                throw new Missing(code, locale);
            }
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
            return bundles.getMessage(resolvable, locale);
        }
    }

    static String[] basenames() throws IOException {
        return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(PATTERN))
                .map(r -> Objects.requireNonNull(r.getFilename()).replace("_en.properties", ""))
                .distinct()
                .sorted()
                .map(name -> "messages/" + name)
                .toArray(String[]::new);
    }
}
