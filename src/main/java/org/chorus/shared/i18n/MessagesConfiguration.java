package org.chorus.shared.i18n;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.context.MessageSource;
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
    MessageSource messageSource() throws IOException {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Language.DEFAULT.locale());
        source.setUseCodeAsDefaultMessage(false);
        // always parse with MessageFormat, so a message reads the same with or without arguments
        source.setAlwaysUseMessageFormat(true);
        return source;
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
