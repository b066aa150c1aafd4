package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

class SuggestingCitiesTest {

    @Test
    void a_network_that_asks_too_often_waits_while_another_network_goes_on() {
        var suggesting = new SuggestingCities(new Gazetteer(), new PlacesSettings(2));

        suggesting.suggest("Par", "", "192.0.2.10");
        suggesting.suggest("Pari", "", "192.0.2.11");

        assertThatThrownBy(() -> suggesting.suggest("Paris", "", "192.0.2.12"))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.messageKey()).isEqualTo("places.rate-limited");
                });
        assertThat(suggesting.suggest("Paris", "fr", "198.51.100.7"))
                .first()
                .extracting(City::name)
                .isEqualTo("Paris");
    }

    @Test
    void at_most_ten_cities_are_suggested() {
        var suggesting = new SuggestingCities(new Gazetteer(), new PlacesSettings(100));

        assertThat(suggesting.suggest("San", "", "192.0.2.1")).hasSize(SuggestingCities.SHOWN);
    }
}
