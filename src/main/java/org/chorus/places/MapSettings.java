package org.chorus.places;

import org.chorus.shared.web.SecurityHeaders;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map's optional tile server, bound from {@code chorus.map.*} (docs/maps.md). Empty by default: maps draw the
 * bundled countries and ask no one else. A page with a map puts {@link #tileUrl} in the map's {@code data-tiles} and
 * {@link #tileAttribution} in {@code data-tiles-attribution}; the Content-Security-Policy lets that origin serve
 * images ({@code accounts.SecurityConfiguration}).
 *
 * @param tileUrl a Leaflet tile URL template on https, with {z}, {x} and {y}; checked at start-up
 * @param tileAttribution the credit the tile server's licence asks for, shown in the map's corner
 */
@ConfigurationProperties("chorus.map")
public record MapSettings(
        @DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {

    public MapSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        tileAttribution = tileAttribution == null ? "" : tileAttribution.strip();
        SecurityHeaders.tileOrigin(tileUrl);
    }

    /** Whether maps load tiles from a server. */
    public boolean tiles() {
        return !tileUrl.isEmpty();
    }
}
