package org.chorus.organizations;

import java.time.Instant;
import java.util.List;

/** A coalition, commission, chapter, member or allied organization. */
public record Organization(
        OrganizationId id,
        String slug,
        String name,
        OrganizationKind kind,
        OrganizationId parentId,
        OrganizationStatus status,
        String country,
        List<String> languages,
        String website,
        String description,
        Instant createdAt) {

    Organization withSlug(String other) {
        return new Organization(
                id, other, name, kind, parentId, status, country, languages, website, description, createdAt);
    }

    public boolean active() {
        return status == OrganizationStatus.ACTIVE;
    }

    public boolean coalition() {
        return kind == OrganizationKind.COALITION;
    }

    /** The description split into paragraphs at blank lines, for plain-text display. */
    public List<String> paragraphs() {
        return description == null || description.isBlank()
                ? List.of()
                : List.of(description.strip().split("\\R\\s*\\R"));
    }
}
