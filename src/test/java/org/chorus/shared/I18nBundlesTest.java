package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chorus.shared.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every user-facing text exists in every shipped language, and every key the code uses exists. */
class I18nBundlesTest {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:\\bt|messageKey|notice\"|Exception|InvalidField|invalid|conflict)\\((?:\"[a-zA-Z]+\", )?\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");

    static Stream<String> bundles() throws IOException {
        try (var files = Files.list(MESSAGES)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_en.properties"))
                    .map(n -> n.replace("_en.properties", ""))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static Properties load(String bundle, Language language) throws IOException {
        var file = MESSAGES.resolve(bundle + "_" + language.tag() + ".properties");
        assertThat(file).as("bundle %s in %s", bundle, language).exists();
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void every_language_has_every_key_of_the_english_bundle_and_no_other(String bundle) throws IOException {
        var english = load(bundle, Language.ENGLISH);
        for (var language : Language.values()) {
            var translated = load(bundle, language);
            assertThat(translated.stringPropertyNames())
                    .as("keys of %s in %s", bundle, language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void translations_keep_the_placeholders_and_never_use_a_straight_apostrophe(String bundle) throws IOException {
        var english = load(bundle, Language.ENGLISH);
        for (var language : Language.values()) {
            var translated = load(bundle, language);
            for (var key : english.stringPropertyNames()) {
                var text = translated.getProperty(key);
                assertThat(text).as("%s in %s", key, language).isNotBlank();
                // MessageFormat treats ' as a quote: a straight apostrophe would swallow the rest of the message
                assertThat(text)
                        .as("%s in %s uses ’ rather than '", key, language)
                        .doesNotContain("'");
                assertThat(placeholders(text))
                        .as("placeholders of %s in %s", key, language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void every_message_key_written_in_code_or_templates_exists() throws IOException {
        var known = new HashSet<String>();
        for (var bundle : bundles().toList()) {
            known.addAll(load(bundle, Language.ENGLISH).stringPropertyNames());
        }
        var used = new TreeSet<String>();
        try (var files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/jte")))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        used.removeIf(key -> key.endsWith(".jte") || key.endsWith(".svg") || key.endsWith(".css"));
        assertThat(used).as("keys used in code").isNotEmpty();
        assertThat(used).as("keys used in code but missing from the bundles").isSubsetOf(known);
    }

    /**
     * Wider than the test above, which reads only literals written as the argument of a known call: every string
     * literal in code and templates shaped like a message key ({@code statement.body.too-long}) in a namespace the
     * bundles use ({@code statement}), wherever it is written (a ternary, a constant, an argument on its own line),
     * must be a key, or the first part of keys ({@code import.report} for {@code "import.report." + kind}). Letter
     * kinds ({@code new Letter("follows.digest", …)}) name letters, not texts, and are left out.
     */
    @Test
    void every_literal_shaped_like_a_message_key_in_a_namespace_of_the_bundles_exists() throws IOException {
        var known = new HashSet<String>();
        for (var bundle : bundles().toList()) {
            known.addAll(load(bundle, Language.ENGLISH).stringPropertyNames());
        }
        var namespaces = new HashSet<String>();
        known.forEach(key -> namespaces.add(key.substring(0, Math.max(0, key.indexOf('.')))));
        var literal = Pattern.compile("(new\\s+Letter\\(\\s*)?\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        var missing = new TreeSet<String>();
        try (var files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/jte")))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    var key = matcher.group(2);
                    if (matcher.group(1) == null
                            && !org.chorus.webhooks.ManagingWebhooks.EVENT_TYPES.contains(key)
                            && namespaces.contains(key.substring(0, key.indexOf('.')))
                            && !known.contains(key)
                            && known.stream().noneMatch(k -> k.startsWith(key + "."))) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys written in code but missing from the bundles")
                .isEmpty();
    }

    /** Keys built at run time by an enum ({@code role.key()}, {@code kind.pluralKey()}) exist for every constant. */
    @Test
    void every_key_an_enum_gives_for_its_constants_exists() throws Exception {
        var known = new HashSet<String>();
        for (var bundle : bundles().toList()) {
            known.addAll(load(bundle, Language.ENGLISH).stringPropertyNames());
        }
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getSuperClassName() != null
                && reader.getClassMetadata().getSuperClassName().equals(Enum.class.getName()));
        var given = new TreeSet<String>();
        for (var definition : scanner.findCandidateComponents("org.chorus")) {
            var type = Class.forName(definition.getBeanClassName());
            for (var method : type.getDeclaredMethods()) {
                if ((method.getName().equals("key") || method.getName().endsWith("Key"))
                        && method.getParameterCount() == 0
                        && method.getReturnType() == String.class
                        && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    method.setAccessible(true);
                    for (var constant : type.getEnumConstants()) {
                        given.add((String) method.invoke(constant));
                    }
                }
            }
        }
        assertThat(given).as("keys given by enums").contains("role.owner");
        assertThat(given).as("keys given by enums but missing from the bundles").isSubsetOf(known);
    }

    private static Set<String> placeholders(String text) {
        var found = new TreeSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
