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
    void an_arabic_name_becomes_a_readable_latin_address() {
        var slug = Slug.suggest("جمعية العمل المناخي");
        assertThat(slug).isEqualTo("jmyt-alml-almnakhy");
        assertThat(Slug.isValid(slug)).isTrue();
    }

    @Test
    void a_cyrillic_name_becomes_a_readable_latin_address() {
        assertThat(Slug.suggest("Климатическая сеть Москвы")).isEqualTo("klimaticeskaa-set-moskvy");
    }

    @Test
    void a_chinese_name_becomes_pinyin_words() {
        assertThat(Slug.suggest("北京气候联盟")).isEqualTo("bei-jing-qi-hou-lian-meng");
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

    @Test
    void a_long_title_is_never_cut_inside_a_word() {
        var title = "Joint statement of the coalition on the financing of loss and damage at the climate conference";
        var slug = Slug.suggest(title, 70);
        assertThat(slug).isEqualTo("joint-statement-of-the-coalition-on-the-financing-of-loss-and-damage");
        var words = java.util.List.of(title.toLowerCase(java.util.Locale.ROOT).split(" "));
        assertThat(Slug.suggest(title).split("-")).allMatch(words::contains);
    }

    @Test
    void a_single_word_longer_than_the_limit_is_cut_as_a_last_resort() {
        assertThat(Slug.suggest("a".repeat(100), 70)).hasSize(70);
    }
}
