package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoundingBoxTest {

    @Test
    void a_box_is_read_west_south_east_north() {
        assertThat(BoundingBox.parse("-79.6, 43.5,-79.1,43.9")).isEqualTo(new BoundingBox(-79.6, 43.5, -79.1, 43.9));
        assertThat(BoundingBox.parse("")).isEqualTo(BoundingBox.WORLD);
        assertThat(BoundingBox.parse(null)).isEqualTo(BoundingBox.WORLD);
    }

    @Test
    void a_box_across_the_antimeridian_is_asked_as_two() {
        var fiji = BoundingBox.parse("175,-20,-178,-15");

        assertThat(fiji.crossesAntimeridian()).isTrue();
        assertThat(fiji.parts())
                .containsExactly(new BoundingBox(175, -20, 180, -15), new BoundingBox(-180, -20, -178, -15));
        assertThat(fiji.contains(-17.8, 178.4)).isTrue();
        assertThat(fiji.contains(-17.8, -179.0)).isTrue();
        assertThat(fiji.contains(-17.8, 0)).isFalse();
        assertThat(BoundingBox.WORLD.parts()).containsExactly(BoundingBox.WORLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,,4", "NaN,0,1,1", "Infinity,0,1,1", "1;2;3;4"})
    void what_is_not_four_numbers_is_refused(String text) {
        assertThatThrownBy(() -> BoundingBox.parse(text)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.messageKey()).isEqualTo("map.bbox-invalid");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0,-91,1,1 | map.latitude-out-of-range",
                "0,0,1,90.5 | map.latitude-out-of-range",
                "-181,0,1,1 | map.longitude-out-of-range",
                "0,0,180.01,1 | map.longitude-out-of-range",
                "0,10,1,5 | map.bbox-south-above-north"
            })
    void coordinates_out_of_range_are_refused_with_what_is_wrong(String text, String key) {
        assertThatThrownBy(() -> BoundingBox.parse(text)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.messageKey()).isEqualTo(key);
        });
    }
}
