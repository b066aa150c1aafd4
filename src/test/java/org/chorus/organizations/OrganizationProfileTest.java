package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;

class OrganizationProfileTest {

    @Test
    void values_are_trimmed_and_codes_normalized() {
        var profile = new OrganizationProfile(
                        " Green Belt ", "ke", List.of("EN", " sw", "en"), " https://gb.example.org ", " Hi ")
                .checked();
        assertThat(profile.name()).isEqualTo("Green Belt");
        assertThat(profile.country()).isEqualTo("KE");
        assertThat(profile.languages()).containsExactly("en", "sw");
        assertThat(profile.website()).isEqualTo("https://gb.example.org");
    }

    @Test
    void each_bad_field_is_named() {
        assertThatThrownBy(() -> new OrganizationProfile("", null, List.of(), null, "").checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new OrganizationProfile("X", "XX", List.of(), null, "").checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("country"));
        assertThatThrownBy(() -> new OrganizationProfile("X", null, List.of("klingon"), null, "").checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("languages"));
        assertThatThrownBy(() -> new OrganizationProfile("X", null, List.of(), "javascript:alert(1)", "").checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("website"));
        assertThatThrownBy(() -> new OrganizationProfile("X", null, List.of(), null, "x".repeat(5001)).checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void typed_language_lists_accept_commas_and_spaces() {
        assertThat(OrganizationProfile.languageList("en, fr  ar;es")).containsExactly("en", "fr", "ar", "es");
        assertThat(OrganizationProfile.languageList("  ")).isEmpty();
    }
}
