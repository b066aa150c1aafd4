package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridCellsTest {

    @Test
    void a_cell_is_a_quarter_of_a_tile_and_halves_with_each_zoom() {
        assertThat(GridCells.forZoom(0).degrees()).isEqualTo(90.0);
        assertThat(GridCells.forZoom(2).degrees()).isEqualTo(22.5);
        assertThat(GridCells.forZoom(3).degrees())
                .isEqualTo(GridCells.forZoom(2).degrees() / 2);
    }

    @Test
    void the_world_is_clustered_and_a_city_shows_points() {
        assertThat(GridCells.forZoom(2).clusters()).isTrue();
        assertThat(GridCells.forZoom(11).clusters()).isTrue();
        assertThat(GridCells.forZoom(12).clusters()).isFalse();
    }

    @Test
    void places_close_together_share_a_cell_at_low_zoom_and_not_at_high_zoom() {
        // Toronto and Hamilton, 60 km apart
        var world = GridCells.forZoom(2);
        var city = GridCells.forZoom(9);

        assertThat(world.x(-79.38)).isEqualTo(world.x(-79.87));
        assertThat(world.y(43.65)).isEqualTo(world.y(43.26));
        assertThat(city.x(-79.38)).isNotEqualTo(city.x(-79.87));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "21", "2.5", "two", "99999999999"})
    void a_zoom_that_is_not_a_whole_number_from_0_to_20_is_refused(String zoom) {
        assertThatThrownBy(() -> GridCells.parse(zoom)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.messageKey()).isEqualTo("map.zoom-invalid");
        });
        assertThat(GridCells.parse("").zoom()).isZero();
    }
}
