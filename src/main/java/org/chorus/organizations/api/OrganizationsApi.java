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
    private final org.chorus.organizations.RegisteringOrganizations registering;

    OrganizationsApi(CoalitionDirectory directory, org.chorus.organizations.RegisteringOrganizations registering) {
        this.directory = directory;
        this.registering = registering;
    }

    /** An organization's public profile as a client writes it. */
    public record Profile(
            @io.swagger.v3.oas.annotations.media.Schema(example = "Tenants Union of Nairobi")
            String name,

            @io.swagger.v3.oas.annotations.media.Schema(description = "ISO 3166 alpha-2", example = "KE")
            String country,

            @io.swagger.v3.oas.annotations.media.Schema(description = "language codes, such as en, sw")
            List<String> languages,

            String website,

            @io.swagger.v3.oas.annotations.media.Schema(description = "plain text, paragraphs by blank lines")
            String description,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "IANA time zone it works in (its calendars' days); unchanged when not sent")
            String timeZone,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "for a new organization below another: CHAPTER, COMMISSION, MEMBER or ALLIED")
            String kind) {

        org.chorus.organizations.OrganizationProfile profile() {
            return new org.chorus.organizations.OrganizationProfile(
                    name, country, languages == null ? List.of() : languages, website, description);
        }

        /** The organization's profile with the fields a client sent ({@code sent}) replaced by these. */
        org.chorus.organizations.OrganizationProfile over(
                Organization current, java.util.function.Predicate<String> sent) {
            return new org.chorus.organizations.OrganizationProfile(
                    sent.test("name") ? name : current.name(),
                    sent.test("country") ? country : current.country(),
                    sent.test("languages") ? (languages == null ? List.of() : languages) : current.languages(),
                    sent.test("website") ? website : current.website(),
                    sent.test("description") ? description : current.description());
        }
    }

    /**
     * The version of an organization's profile, as an ETag: a digest of what its profile says (organizations keep no
     * time of change), so a change made since a client read it is seen.
     */
    static String version(Organization o) {
        var profile = String.join(
                "\u0000",
                o.name(),
                String.valueOf(o.country()),
                String.join(",", o.languages()),
                String.valueOf(o.website()),
                String.valueOf(o.description()));
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(profile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "\"p" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/organizations/{slug}")
    @org.chorus.shared.web.RequiresScope("write:organizations")
    @Operation(
            summary = "Change an organization's public profile (those who may edit it)",
            description = "As the manage page's profile form: the fields sent replace its own (name, country, "
                    + "languages, website, description, and the time zone it works in). `If-Match` with the ETag of "
                    + "GET /api/v1/organizations/{slug} is required: 428 without it, 412 when the profile changed "
                    + "since. Needs the scope write:organizations.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Profile.class)))
    org.springframework.http.ResponseEntity<OrganizationView> change(
            @PathVariable String slug,
            @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body,
            @org.jspecify.annotations.Nullable
                    @org.springframework.web.bind.annotation.RequestHeader(
                            name = org.springframework.http.HttpHeaders.IF_MATCH,
                            required = false)
                    String ifMatch,
            org.chorus.organizations.Actor actor) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new org.chorus.shared.DomainException(428, "api.if-match-required");
        }
        var asked = org.chorus.shared.web.JsonBodies.read(body, Profile.class);
        if (body.has("kind")) {
            throw new org.chorus.shared.InvalidField("kind", "organization.api.kind-fixed");
        }
        var current = directory.listed(slug);
        if (!ifMatch.strip().equals("*") && !ifMatch.strip().equals(version(current))) {
            throw new org.chorus.shared.DomainException(412, "api.version-not-current");
        }
        registering.updateProfile(
                actor, current.id(), asked.over(current, body::has), body.has("timeZone") ? asked.timeZone() : null);
        return one(slug);
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/organizations/{slug}/organizations")
    @org.chorus.shared.web.RequiresScope("write:organizations")
    @Operation(
            summary = "Register an organization below this one",
            description =
                    "As the registration page: a chapter, commission, member or allied organization of the one at "
                            + "this address, whose founder the token's account becomes. Active at once when the account may "
                            + "approve organizations below it, else waiting for its approval (status PENDING, not listed). "
                            + "201. Needs the scope write:organizations.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Profile.class)))
    org.springframework.http.ResponseEntity<Registered> register(
            @PathVariable String slug,
            @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body,
            org.chorus.organizations.Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Profile.class);
        org.chorus.organizations.OrganizationKind kind;
        try {
            kind = org.chorus.organizations.OrganizationKind.valueOf(
                    asked.kind() == null ? "" : asked.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new org.chorus.shared.InvalidField("kind", "organization.kind.invalid");
        }
        var created = registering.registerBelow(actor, slug, kind, asked.profile());
        return org.springframework.http.ResponseEntity.created(
                        java.net.URI.create("/api/v1/organizations/" + created.slug()))
                .body(new Registered(created.slug(), created.status().name()));
    }

    /** An organization just registered: its address, and whether it is listed or waits for approval. */
    public record Registered(String slug, String status) {}

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
    @Operation(
            summary = "One listed organization",
            description = "The ETag names this version of its profile, for If-Match on a change.")
    org.springframework.http.ResponseEntity<OrganizationView> one(@PathVariable String slug) {
        var organization = directory.listed(slug);
        var page = directory.page(null, slug);
        return org.springframework.http.ResponseEntity.ok()
                .eTag(version(organization))
                .body(view(organization, page.parent().map(Organization::slug).orElse(null)));
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
