package org.chorus.actions;

import java.util.Collection;
import java.util.List;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The job grouped these campaigns' maps again: their GeoJSON goes stale in the page cache, no other page. */
public record ActionMapsGrouped(List<String> campaignSlugs) implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return campaignSlugs.stream()
                .map(slug -> "/c/" + slug + "/actions.geojson")
                .toList();
    }
}
