package org.chorus.organizations.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Listed organizations, public and read-only. */
@RestController
class OrganizationsApi {

    /** An organization as the API shows it. */
    public record OrganizationView(
            String slug,
            String name,
            String kind,
            String parent,
            String country,
            List<String> languages,
            String website,
            String description) {}

    private final CoalitionDirectory directory;

    OrganizationsApi(CoalitionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/organizations")
    @Operation(summary = "Every listed organization, coalitions first")
    List<OrganizationView> list() {
        var all = directory.listed();
        var slugs = new java.util.HashMap<org.chorus.organizations.OrganizationId, String>();
        all.forEach(o -> slugs.put(o.id(), o.slug()));
        return all.stream()
                .sorted(java.util.Comparator.comparing((Organization o) -> !o.coalition())
                        .thenComparing(Organization::name))
                .map(o -> view(o, o.parentId() == null ? null : slugs.get(o.parentId())))
                .toList();
    }

    @GetMapping("/api/v1/organizations/{slug}")
    @Operation(summary = "One listed organization")
    OrganizationView one(@PathVariable String slug) {
        var organization = directory.listed(slug);
        var page = directory.page(null, slug);
        return view(organization, page.parent().map(Organization::slug).orElse(null));
    }

    private static OrganizationView view(Organization o, String parentSlug) {
        return new OrganizationView(
                o.slug(),
                o.name(),
                o.kind().name(),
                parentSlug,
                o.country(),
                o.languages(),
                o.website(),
                o.description());
    }
}
