package org.chorus.webhooks.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.organizations.ManageLinks;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.webhooks.WebhookPermission;
import org.springframework.stereotype.Component;

/**
 * The link to the organization's webhooks page, on its manage page and among its buttons, for its owners. Only
 * signed-in people see it, so the public page cache never keeps it.
 */
@Component
class WebhooksLink implements PageContribution<ManageLinks> {

    private final OrganizationPermissions permissions;
    private final TemplateEngine templates;

    WebhooksLink(OrganizationPermissions permissions, TemplateEngine templates) {
        this.permissions = permissions;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(ManageLinks slot, Ui ui) {
        if (slot.viewer() == null
                || !permissions.can(slot.viewer(), slot.organization(), WebhookPermission.MANAGE_WEBHOOKS)) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "slug", slot.slug());
        return Optional.of(output -> templates.render("webhooks/link.jte", model, output));
    }
}
