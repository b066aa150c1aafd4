package org.chorus.statements.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.organizations.ManageLinks;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.statements.CoIssuing;
import org.chorus.statements.StatementPermission;
import org.springframework.stereotype.Component;

/**
 * The link to the co-issue requests an organization received, with the number waiting, on its manage page and among
 * its buttons, for those who answer them (owners, designated reviewers). Only signed-in people see it, so the public
 * page cache never keeps it.
 */
@Component
class CoIssueRequestsLink implements PageContribution<ManageLinks> {

    private final CoIssuing coIssuing;
    private final OrganizationPermissions permissions;
    private final TemplateEngine templates;

    CoIssueRequestsLink(CoIssuing coIssuing, OrganizationPermissions permissions, TemplateEngine templates) {
        this.coIssuing = coIssuing;
        this.permissions = permissions;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(ManageLinks slot, Ui ui) {
        if (slot.viewer() == null
                || !permissions.can(slot.viewer(), slot.organization(), StatementPermission.ANSWER_CO_ISSUE_REQUESTS)) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of(
                "ui", ui, "slug", slot.slug(), "count", coIssuing.waiting(slot.viewer(), slot.organization()));
        return Optional.of(output -> templates.render("statements/co-issue-link.jte", model, output));
    }
}
