package org.chorus.places;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the map reads (RFC 7946, {@code application/geo+json}): a FeatureCollection of points, each either a cluster
 * ({@code cluster: true, count}) or an item ({@code title, when, url, flagship}), in the shape {@code
 * static/map/chorus-map.js} draws (docs/maps.md). Coordinates are longitude then latitude, rounded to 5 decimals
 * (about a metre); Jackson writes the records, so no text is ever put together by hand.
 */
public final class GeoJson {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "geo+json");

    private GeoJson() {}

    @JsonPropertyOrder({"type", "features"})
    public record FeatureCollection(String type, List<Feature> features) {
        public FeatureCollection(List<Feature> features) {
            this("FeatureCollection", List.copyOf(features));
        }
    }

    @JsonPropertyOrder({"type", "id", "geometry", "properties"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feature(String type, String id, Point geometry, Map<String, Object> properties) {}

    @JsonPropertyOrder({"type", "coordinates"})
    public record Point(String type, List<Double> coordinates) {
        public Point(double latitude, double longitude) {
            this("Point", List.of(round(BoundingBox.longitude(longitude)), round(BoundingBox.latitude(latitude))));
        }
    }

    /** A cluster of {@code count} items around a point (their average position). */
    public static Feature cluster(double latitude, double longitude, long count) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("cluster", true);
        properties.put("count", count);
        return new Feature("Feature", null, new Point(latitude, longitude), properties);
    }

    /**
     * One item: {@code title} and {@code when} (already written for the reader, e.g. "12 October, 18:00 (Manila)")
     * are shown as text, never as HTML; {@code url} is a path on this site.
     */
    public static Feature item(
            String id, double latitude, double longitude, String title, String when, String url, boolean flagship) {
        // the map makes a link of it: only a path on this site, never javascript: or another host
        if (url == null || !url.startsWith("/") || url.startsWith("//") || url.contains("\\")) {
            throw new IllegalArgumentException("an item's url is a path on this site: " + url);
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("title", title);
        properties.put("when", when);
        properties.put("url", url);
        properties.put("flagship", flagship);
        return new Feature("Feature", id, new Point(latitude, longitude), properties);
    }

    /**
     * The answer of a map endpoint: {@code application/geo+json}, never stored by shared caches (what is on the map
     * changes with moderation) but revalidated by the reader's own.
     */
    public static ResponseEntity<FeatureCollection> response(FeatureCollection collection) {
        return ResponseEntity.ok()
                .contentType(MEDIA_TYPE)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(collection);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
