package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceTimeZonesTest {

    private final Gazetteer gazetteer = new Gazetteer();

    @ParameterizedTest
    @CsvSource({
        "Toronto, CA, America/Toronto",
        "Manila, PH, Asia/Manila",
        "Perth, AU, Australia/Perth",
        "Chicago, US, America/Chicago",
        "Los Angeles, US, America/Los_Angeles",
        "Barcelona, ES, Europe/Madrid",
        "Las Palmas de Gran Canaria, ES, Atlantic/Canary",
        "Munich, DE, Europe/Berlin",
        "Copenhagen, DK, Europe/Copenhagen",
        "Beirut, LB, Asia/Beirut",
        "Bogotá, CO, America/Bogota",
        "Vancouver, CA, America/Vancouver",
        "Lagos, NG, Africa/Lagos",
    })
    void a_city_gets_the_zone_of_its_country_nearest_to_it(String name, String country, String zone) {
        var city = gazetteer.suggest(name, Optional.of(country), 1).getFirst();

        assertThat(city.name()).isEqualTo(name);
        assertThat(city.timeZone()).isEqualTo(ZoneId.of(zone));
    }

    @Test
    void a_country_with_one_zone_has_it_wherever_the_place_is() {
        // Tromsø is far nearer Helsinki than Oslo's principal location… but Norway has one zone
        assertThat(PlaceTimeZones.of("NO", 69.65, 18.96)).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(PlaceTimeZones.of("fr", 43.3, 5.4)).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void an_unknown_country_gets_the_nearest_zone_anywhere() {
        assertThat(PlaceTimeZones.of("", 35.68, 139.69)).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(PlaceTimeZones.of(null, 51.5, -0.12)).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void iso_6709_positions_of_the_zone_tables_are_read_in_degrees() {
        assertThat(PlaceTimeZones.iso6709("+4340")).isCloseTo(43.6667, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(PlaceTimeZones.iso6709("-07923")).isCloseTo(-79.3833, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(PlaceTimeZones.iso6709("+143512")).isCloseTo(14.5867, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(PlaceTimeZones.iso6709("+1205804")).isCloseTo(120.9678, org.assertj.core.data.Offset.offset(1e-4));
    }
}
