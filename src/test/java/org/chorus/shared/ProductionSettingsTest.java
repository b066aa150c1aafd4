package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chorus.shared.config.ProductionSettings;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

    static final Map<String, String> COMPLETE = Map.of(
            "CHORUS_DATABASE_URL", "jdbc:postgresql://db:5432/chorus",
            "CHORUS_DATABASE_USER", "chorus",
            "CHORUS_DATABASE_PASSWORD", "secret",
            "CHORUS_BASE_URL", "https://chorus.example.org",
            "CHORUS_SMTP_HOST", "smtp.example.org",
            "CHORUS_SMTP_FROM", "Climate Coalition <news@coalition.example>",
            "CHORUS_DATA_KEYS", "{}");

    @Test
    void production_mode_starts_when_every_required_setting_is_there() {
        assertThat(ProductionSettings.problems(COMPLETE)).isEmpty();
    }

    @Test
    void each_missing_setting_is_named_with_what_to_put_there() {
        var problems = ProductionSettings.problems(Map.of());
        assertThat(problems).hasSize(7);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("CHORUS_DATABASE_URL is not set")
                        .contains("jdbc:postgresql://"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("CHORUS_BASE_URL is not set"));
    }

    @Test
    void malformed_settings_are_refused_with_the_value_that_was_given() {
        var settings = new java.util.HashMap<>(COMPLETE);
        settings.put("CHORUS_DATABASE_URL", "mysql://db/chorus");
        settings.put("CHORUS_BASE_URL", "chorus.example.org");
        settings.put("CHORUS_PORT", "eighty");
        assertThat(ProductionSettings.problems(settings))
                .containsExactlyInAnyOrder(
                        "CHORUS_DATABASE_URL must start with jdbc:postgresql:// (got 'mysql://db/chorus')",
                        "CHORUS_BASE_URL must be an absolute http(s) URL such as https://chorus.example.org (got 'chorus.example.org')",
                        "CHORUS_PORT must be a number between 1 and 65535 (got 'eighty')");
    }

    @Test
    void mail_settings_are_checked_before_start() {
        var settings = new java.util.HashMap<>(COMPLETE);
        settings.put("CHORUS_SMTP_TLS", "ssl");
        settings.put("CHORUS_SMTP_PORT", "0");
        settings.put("CHORUS_SMTP_FROM", "news@example.org\r\nBcc: x@example.org");
        settings.put("CHORUS_SMTP_USERNAME", "chorus");
        assertThat(ProductionSettings.problems(settings))
                .containsExactlyInAnyOrder(
                        "CHORUS_SMTP_FROM must be one email address, optionally with a name, e.g. Coalition"
                                + " <news@coalition.example> (got 'news@example.org\r\nBcc: x@example.org')",
                        "CHORUS_SMTP_PORT must be a number between 1 and 65535 (got '0')",
                        "CHORUS_SMTP_TLS must be none, starttls or tls (got 'ssl')",
                        "CHORUS_SMTP_PASSWORD is not set, but CHORUS_SMTP_USERNAME is");
    }

    @Test
    void the_dev_capture_cannot_be_used_in_production() {
        var settings = new java.util.HashMap<>(COMPLETE);
        settings.put("CHORUS_MAIL_TRANSPORT", "capture");
        assertThat(ProductionSettings.problems(settings))
                .singleElement()
                .asString()
                .startsWith("CHORUS_MAIL_TRANSPORT must be smtp in production");
    }
}
