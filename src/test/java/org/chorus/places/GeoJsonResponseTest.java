package org.chorus.places;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a map endpoint of a module above (the actions' GeoJSON) answers when it uses GeoJson as docs/maps.md says. */
class GeoJsonResponseTest {

    @RestController
    static class Map {
        @GetMapping("/things.geojson")
        ResponseEntity<GeoJson.FeatureCollection> things(@RequestParam String bbox, @RequestParam String zoom) {
            var box = BoundingBox.parse(bbox);
            var cells = GridCells.parse(zoom);
            var feature = cells.clusters()
                    ? GeoJson.cluster(box.south(), box.west(), 7)
                    : GeoJson.item("x", box.south(), box.west(), "Vigil", "today", "/a/vigil", false);
            return GeoJson.response(new GeoJson.FeatureCollection(List.of(feature)));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Map()).build();

    @Test
    void a_feature_collection_goes_out_as_geo_json_to_a_map_that_asks_for_it() throws Exception {
        mvc.perform(get("/things.geojson")
                        .param("bbox", "-80,43,-79,44")
                        .param("zoom", "3")
                        .header("Accept", "application/geo+json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].properties.count").value(7))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0]").value(-80.0));
        mvc.perform(get("/things.geojson").param("bbox", "-80,43,-79,44").param("zoom", "14"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/geo+json"))
                .andExpect(jsonPath("$.features[0].properties.title").value("Vigil"));
    }
}
