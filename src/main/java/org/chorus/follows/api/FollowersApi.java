package org.chorus.follows.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.chorus.follows.Announcing;
import org.chorus.organizations.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many people follow an organization by email, and each of its campaigns, for those who write its announcements
 * (the same figures the announcement page shows before sending). Counts only: who follows is never shown.
 */
@RestController
class FollowersApi {

    /** The counts. */
    public record Followers(
            @Schema(
                    description = "addresses an announcement of the organization reaches (its own followers and those "
                            + "of an organization above it who asked for the organizations below)")
            int organization,

            @Schema(description = "followers of each of its latest campaigns, by the campaign's slug")
            Map<String, Integer> campaigns) {}

    private final Announcing announcing;

    FollowersApi(Announcing announcing) {
        this.announcing = announcing;
    }

    @GetMapping("/api/v1/organizations/{slug}/followers")
    @Operation(
            summary = "How many follow an organization and its campaigns by email (its announcement writers)",
            description = "Counts only, never who. 403 for those who may not write the organization's announcements; "
                    + "needs a token that may read. Followers on the fediverse are counted in the organization's "
                    + "ActivityPub followers collection.")
    ResponseEntity<Followers> followers(@PathVariable String slug, Actor actor) {
        var counts = announcing.followers(actor, slug);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new Followers(counts.organization(), counts.campaigns()));
    }
}
