package org.chorus.signons.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.organizations.ManageLinks;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.signons.SignOnPermission;
import org.springframework.stereotype.Component;

/**
 * The link to the sign-on organizers an owner designates, on the organization's manage page and among its buttons, for
 * its owners. Only signed-in people see it, so the public page cache never keeps it.
 */
@Component
class SignOnOrganizersLink implements PageContribution<ManageLinks> {

    private final OrganizationPermissions permissions;
    private final TemplateEngine templates;

    SignOnOrganizersLink(OrganizationPermissions permissions, TemplateEngine templates) {
        this.permissions = permissions;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(ManageLinks slot, Ui ui) {
        if (slot.viewer() == null
                || !permissions.can(slot.viewer(), slot.organization(), SignOnPermission.DESIGNATE_ORGANIZERS)) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "slug", slot.slug());
        return Optional.of(output -> templates.render("signons/organizers-link.jte", model, output));
    }
}
