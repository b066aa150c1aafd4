package org.chorus.organizations;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads coalitions and organizations for pages and the API, each in a bounded number of queries. */
@Service
@Transactional(readOnly = true)
public class CoalitionDirectory {

    private final Organizations organizations;
    private final OrganizationPermissions permissions;
    private final Memberships memberships;
    private final ZoneId defaultTimeZone;

    CoalitionDirectory(
            Organizations organizations,
            OrganizationPermissions permissions,
            Memberships memberships,
            @Value("${chorus.organizations.default-time-zone:UTC}") String defaultTimeZone) {
        this.organizations = organizations;
        this.defaultTimeZone = ZoneId.of(defaultTimeZone);
        this.permissions = permissions;
        this.memberships = memberships;
    }

    /**
     * The time zone the organization works in: the one it chose on its profile, else the site's default
     * ({@code chorus.organizations.default-time-zone}, UTC unless set). Scheduled times are typed and shown in it.
     */
    public ZoneId timeZone(OrganizationId id) {
        return organizations.timeZone(id).map(ZoneId::of).orElse(defaultTimeZone);
    }

    /** Every listed coalition with its whole structure, from one query. */
    public List<OrganizationNode> coalitions() {
        var active = organizations.withStatus(OrganizationStatus.ACTIVE);
        var byParent = new HashMap<OrganizationId, List<Organization>>();
        for (var o : active) {
            if (o.parentId() != null) {
                byParent.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
        return active.stream()
                .filter(Organization::coalition)
                .map(c -> node(c, byParent, 0))
                .toList();
    }

    private static OrganizationNode node(Organization o, Map<OrganizationId, List<Organization>> byParent, int depth) {
        var children = depth > 20
                ? List.<OrganizationNode>of()
                : byParent.getOrDefault(o.id(), List.of()).stream()
                        .sorted(Comparator.comparing(Organization::name, String.CASE_INSENSITIVE_ORDER))
                        .map(c -> node(c, byParent, depth + 1))
                        .toList();
        return new OrganizationNode(o, children);
    }

    /** One organization by id, whatever its status (for attribution); empty when there is none. */
    public java.util.Optional<Organization> byId(OrganizationId id) {
        return organizations.byIds(List.of(id)).stream().findFirst();
    }

    /** Organizations by id, in one query, whatever their status (for attribution of statements). */
    public Map<OrganizationId, Organization> find(java.util.Collection<OrganizationId> ids) {
        var found = new java.util.LinkedHashMap<OrganizationId, Organization>();
        organizations.byIds(ids).forEach(o -> found.put(o.id(), o));
        return found;
    }

    /**
     * The organizations above this one, nearest first (a chapter's commission, then its coalition), in one query: for
     * those who follow an organization together with everything below it.
     */
    public List<Organization> ancestors(OrganizationId id) {
        return organizations.ancestry(id);
    }

    /** The listed organizations below this one, at any depth, in one query: for pages that gather their work. */
    public List<OrganizationId> below(OrganizationId id) {
        return organizations.descendants(id, OrganizationStatus.ACTIVE);
    }

    /** Any organization by slug, listed or not, for people who work in it. */
    public java.util.Optional<Organization> bySlug(String slug) {
        return organizations.bySlug(slug);
    }

    /** All listed organizations, for the API. */
    public List<Organization> listed() {
        return organizations.withStatus(OrganizationStatus.ACTIVE);
    }

    /** A listed organization by slug; pending or rejected ones are not found. */
    public Organization listed(String slug) {
        return organizations
                .bySlug(slug)
                .filter(Organization::active)
                .orElseThrow(() -> new NotFoundException("organization.not-found"));
    }

    /**
     * The page of an organization as this viewer may see it. A pending organization is visible only to its own people,
     * to those who may approve it, and to site admins; to everyone else it does not exist.
     */
    public OrganizationPage page(Actor viewer, String slug) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        var role = permissions.roleOf(viewer, organization.id());
        if (!organization.active() && !visibleWhilePending(viewer, organization, role.isPresent())) {
            throw new NotFoundException("organization.not-found");
        }
        return new OrganizationPage(
                organization,
                organizations.ancestry(organization.id()),
                organizations.children(organization.id(), OrganizationStatus.ACTIVE),
                role,
                permissions.can(viewer, organization.id(), OrganizationPermission.EDIT_PROFILE),
                permissions.can(viewer, organization.id(), OrganizationPermission.VIEW_PEOPLE));
    }

    private boolean visibleWhilePending(Actor viewer, Organization organization, boolean member) {
        if (viewer == null) {
            return false;
        }
        return member
                || viewer.siteAdmin()
                || (organization.parentId() != null
                        && permissions.can(viewer, organization.parentId(), OrganizationPermission.APPROVE_CHILDREN));
    }

    /** Organizations waiting for this organization's owners to approve them. */
    public List<Organization> pendingBelow(Actor viewer, OrganizationId parent) {
        permissions.require(viewer, parent, OrganizationPermission.APPROVE_CHILDREN);
        return organizations.children(parent, OrganizationStatus.PENDING);
    }

    /** The organizations a person belongs to, with their role, by name. */
    public List<Map.Entry<Organization, Role>> membershipsOf(Actor viewer) {
        var roles = memberships.rolesOf(viewer.account());
        var result = new ArrayList<Map.Entry<Organization, Role>>();
        organizations.byIds(roles.keySet()).forEach(o -> result.add(Map.entry(o, roles.get(o.id()))));
        result.sort(Comparator.comparing(e -> e.getKey().name(), String.CASE_INSENSITIVE_ORDER));
        return result;
    }
}
