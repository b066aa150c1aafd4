package org.chorus.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** How the texts speak to readers: Spanish with one form of address (usted), Arabic invitations to anyone. */
class FormsOfAddressTest {

    // tú and its possessives and pronouns, and the tú forms of verbs the bundles use
    private static final Pattern TU = Pattern.compile(
            "(?iu)(?<![\\p{L}])(tú|tu|tus|te|ti|contigo|tienes|puedes|quieres|inicias|hiciste|escribiste|recibes|"
                    + "pulsa|inténtalo|ignora)(?![\\p{L}])");

    @Test
    void spanish_speaks_to_readers_as_usted_everywhere() throws IOException {
        var found = new ArrayList<String>();
        for (var bundle : bundles("es")) {
            bundle.properties().forEach((key, value) -> {
                if (TU.matcher(value.toString()).find()) {
                    found.add(bundle.name() + ": " + key + "=" + value);
                }
            });
        }
        assertThat(found).isEmpty();
    }

    // imperatives and forms that name a man as the reader or the inviter: افتح، سجّل، أنشئ، كنت، ترغب، يدعوك، دعا
    private static final Pattern GENDERED = Pattern.compile("افتح|سجّل الدخول|أنشئ|كنت|ترغب|يدعوك|دعا |تجاهلها");

    @Test
    void arabic_invitations_do_not_assume_the_gender_of_the_reader_or_of_the_inviter() throws IOException {
        var found = new ArrayList<String>();
        for (var bundle : bundles("ar")) {
            bundle.properties().forEach((key, value) -> {
                if (key.toString().startsWith("invitation")
                        && GENDERED.matcher(value.toString()).find()) {
                    found.add(bundle.name() + ": " + key + "=" + value);
                }
            });
        }
        assertThat(found).isEmpty();
    }

    private record Bundle(String name, Properties properties) {}

    private static List<Bundle> bundles(String language) throws IOException {
        var bundles = new ArrayList<Bundle>();
        for (var resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:messages/*_" + language + ".properties")) {
            var properties = new Properties();
            try (var reader = new java.io.InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            bundles.add(new Bundle(resource.getFilename(), properties));
        }
        assertThat(bundles).isNotEmpty();
        return bundles;
    }
}
