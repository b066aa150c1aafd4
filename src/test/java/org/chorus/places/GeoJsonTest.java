package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void clusters_and_items_are_written_as_an_rfc_7946_feature_collection() {
        var collection = new GeoJson.FeatureCollection(List.of(
                GeoJson.cluster(43.7, -79.4, 12),
                GeoJson.item("a1", 14.604213, 120.982234, "Teach-in <b>", "12 October", "/a/teach-in", true)));

        var written = json.writeValueAsString(collection);

        assertThat(written)
                .isEqualTo("{\"type\":\"FeatureCollection\",\"features\":["
                        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-79.4,43.7]},"
                        + "\"properties\":{\"cluster\":true,\"count\":12}},"
                        + "{\"type\":\"Feature\",\"id\":\"a1\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[120.98223,14.60421]},\"properties\":{\"title\":\"Teach-in <b>\","
                        + "\"when\":\"12 October\",\"url\":\"/a/teach-in\",\"flagship\":true}}]}");
        assertThat(GeoJson.MEDIA_TYPE.toString()).isEqualTo("application/geo+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "https://elsewhere.example/a", "//elsewhere.example/a", "a/b"})
    void an_item_links_only_to_a_path_on_this_site(String url) {
        assertThatThrownBy(() -> GeoJson.item("a", 0, 0, "t", "w", url, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_point_off_the_globe_is_refused() {
        assertThatThrownBy(() -> GeoJson.cluster(91, 0, 1)).hasMessageContaining("map.latitude-out-of-range");
    }
}
