package org.chorus.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * A short fingerprint of the stylesheet, icon and scripts Chorus serves. Asset links carry it ({@code ?v=…}), so
 * browsers may cache those files for a year and still fetch new ones right after an upgrade.
 */
final class AssetVersion {

    static final List<String> ASSETS = List.of(
            "static/css/chorus.css",
            "static/favicon.svg",
            // the map (places, docs/maps.md): its script and stylesheet, and Leaflet as the build bundles it
            "static/map/chorus-map.js",
            "static/map/chorus-map.css",
            "static/map/vendor/leaflet.js",
            new org.webjars.WebJarVersionLocator().fullPath("htmx.org", "dist/htmx.min.js"));

    private AssetVersion() {}

    static String ofBundledAssets() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var path : ASSETS) {
                var resource = new ClassPathResource(path);
                try (var in = resource.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled assets", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
