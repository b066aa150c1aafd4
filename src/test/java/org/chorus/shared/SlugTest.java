package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void a_name_becomes_a_readable_address_without_accents() {
        assertThat(Slug.suggest("Réseau Climat Sahel")).isEqualTo("reseau-climat-sahel");
        assertThat(Slug.suggest("  Transport Workers’ Federation!! ")).isEqualTo("transport-workers-federation");
    }

    @Test
    void a_name_in_a_script_without_latin_letters_gives_no_suggestion() {
        assertThat(Slug.suggest("جمعية العمل المناخي")).isEmpty();
    }

    @Test
    void a_slug_refuses_anything_that_is_not_lowercase_letters_digits_and_single_dashes() {
        assertThatThrownBy(() -> new Slug("Has Space")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Slug("double--dash")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Slug("../etc")).isInstanceOf(DomainException.class);
        assertThat(new Slug("europe-chapter-2").value()).isEqualTo("europe-chapter-2");
    }

    @Test
    void a_long_name_is_cut_at_a_word_boundary_within_the_limit() {
        var suggestion = Slug.suggest("word ".repeat(40));
        assertThat(suggestion.length()).isLessThanOrEqualTo(76);
        assertThat(Slug.isValid(suggestion)).isTrue();
    }
}
