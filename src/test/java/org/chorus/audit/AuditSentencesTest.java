package org.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.chorus.accounts.AccountSecurityChanged;
import org.chorus.comments.CommentModerated;
import org.chorus.shared.i18n.Language;
import org.junit.jupiter.api.Test;

/**
 * Every kind of entry the log records reads as a sentence in every language: each change to an account (including
 * those added later to {@link AccountSecurityChanged.Change}) and each kind {@code RecordingActivity} writes.
 */
class AuditSentencesTest {

    static final Pattern KIND = Pattern.compile("\"([a-z]+\\.[A-Z_]+)\"");

    @Test
    void every_kind_recorded_has_a_sentence_in_every_language() throws IOException {
        var kinds = new TreeSet<String>();
        Arrays.stream(AccountSecurityChanged.Change.values()).forEach(c -> kinds.add("account." + c.name()));
        Arrays.stream(CommentModerated.Decision.values()).forEach(d -> kinds.add("comments." + d.name()));
        var matcher = KIND.matcher(Files.readString(Path.of("src/main/java/org/chorus/audit/RecordingActivity.java")));
        while (matcher.find()) {
            kinds.add(matcher.group(1));
        }
        assertThat(kinds).contains("members.ROLE_CHANGED", "imports.WORDPRESS");
        for (var language : Language.values()) {
            var messages = new Properties();
            var file = Path.of("src/main/resources/messages/audit_" + language.tag() + ".properties");
            try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            assertThat(kinds)
                    .as("sentences in %s", language)
                    .allSatisfy(kind -> assertThat(messages.getProperty("audit.entry." + kind))
                            .as(kind)
                            .isNotBlank());
        }
    }
}
