package org.chorus.osdi.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.Comparator;
import java.util.Map;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** OSDI organizations: the listed organizations of this Chorus, coalitions first, each with its parent. */
@RestController
class OsdiOrganizationsApi {

    private static final String BASE = OsdiEventsApi.BASE;

    private final CoalitionDirectory directory;
    private final ChorusProperties settings;

    OsdiOrganizationsApi(CoalitionDirectory directory, ChorusProperties settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @GetMapping(
            path = BASE + "/organizations",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(summary = "OSDI: the listed organizations, coalitions first, then by name")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "the page, from 1")
    @Parameter(
            name = "per_page",
            in = ParameterIn.QUERY,
            description = "organizations a page, 1 to 100; 25 unless given")
    Map<String, Object> organizations(
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage) {
        var asked = OsdiPage.of(page, perPage);
        var all = directory.listed().stream()
                .sorted(Comparator.comparing((Organization o) -> !o.coalition()).thenComparing(Organization::name))
                .toList();
        var slugs = new java.util.HashMap<OrganizationId, String>();
        all.forEach(o -> slugs.put(o.id(), o.slug()));
        var from = (int) Math.min(asked.offset(), all.size());
        var items = all.subList(from, Math.min(all.size(), from + asked.perPage())).stream()
                .map(o -> organization(o, o.parentId() == null ? null : slugs.get(o.parentId())))
                .toList();
        return asked.collection(
                settings.link(BASE + "/organizations"), Map.of(), "osdi:organizations", items, all.size());
    }

    @GetMapping(
            path = BASE + "/organizations/{slug}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(summary = "OSDI: one listed organization", description = "404 for one that is not listed.")
    Map<String, Object> organization(@PathVariable String slug) {
        var organization = directory.listed(slug);
        var parent = organization.parentId() == null
                ? null
                : directory
                        .byId(organization.parentId())
                        .map(Organization::slug)
                        .orElse(null);
        return organization(organization, parent).document();
    }

    private Hal organization(Organization o, String parentSlug) {
        return Hal.of(o.id().value().toString())
                .put("created_date", o.createdAt())
                .put("name", o.name())
                .put("description", o.description())
                .put("browser_url", settings.link("/o/" + o.slug()))
                .put("chorus:slug", o.slug())
                .put("chorus:kind", o.kind().name())
                .put("chorus:country", o.country())
                .put("chorus:languages", o.languages())
                .put("chorus:website", o.website())
                .link("self", settings.link(BASE + "/organizations/" + o.slug()))
                .link(
                        "chorus:parent",
                        parentSlug == null ? null : settings.link(BASE + "/organizations/" + parentSlug));
    }
}
