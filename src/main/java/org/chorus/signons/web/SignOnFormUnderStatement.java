package org.chorus.signons.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.signons.Organizers;
import org.chorus.signons.SignOnForm;
import org.chorus.signons.SignOnKind;
import org.chorus.signons.SignOnPermission;
import org.chorus.signons.SignOnStamps;
import org.chorus.signons.SigningOn;
import org.chorus.statements.AfterStatementText;
import org.springframework.stereotype.Component;

/**
 * The sign-on forms under a statement's text, on its page that the public page cache shares between readers: the
 * forms carry no CSRF token and no session, only the statement's signed stamp ({@link SignOnStamps}); their answer
 * page is never cached. A signed-in owner of a Chorus organization also sees the one-click form (the page is then not
 * cached, being someone's), and the issuer's editors the way to the sign-on's settings. Read when the page is
 * rendered, in at most three queries for a reader.
 */
@Component
class SignOnFormUnderStatement implements PageContribution<AfterStatementText> {

    private final SigningOn signing;
    private final SignOnStamps stamps;
    private final CoalitionDirectory organizations;
    private final Organizers organizers;
    private final TemplateEngine templates;

    SignOnFormUnderStatement(
            SigningOn signing,
            SignOnStamps stamps,
            CoalitionDirectory organizations,
            Organizers organizers,
            TemplateEngine templates) {
        this.signing = signing;
        this.stamps = stamps;
        this.organizations = organizations;
        this.organizers = organizers;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterStatementText slot, Ui ui) {
        if (!slot.isPublic()) {
            return Optional.empty();
        }
        var viewer = ui.viewer() == null
                ? null
                : new Actor(new AccountId(ui.viewer().accountId()), ui.viewer().siteAdmin());
        boolean canManage = viewer != null && organizers.can(viewer, slot.issuer());
        var context = signing.formContext(slot.statement());
        if (context.isEmpty()) {
            return canManage
                    ? Optional.of(output -> templates.render(
                            "signons/open-link.jte", java.util.Map.of("ui", ui, "slug", slot.slug()), output))
                    : Optional.empty();
        }
        var c = context.get();
        var accepts = c.opening().choices().whoMaySign();
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("slug", slot.slug());
        model.put("context", c);
        model.put("stamp", c.acceptingNow() ? stamps.issue(slot.statement()) : "");
        model.put("person", accepts.accepts(SignOnKind.PERSON) ? SignOnForm.empty(SignOnKind.PERSON) : null);
        model.put(
                "organization",
                accepts.accepts(SignOnKind.ORGANIZATION) ? SignOnForm.empty(SignOnKind.ORGANIZATION) : null);
        model.put(
                "owned",
                viewer != null && c.acceptingNow() && accepts.accepts(SignOnKind.ORGANIZATION)
                        ? owned(viewer)
                        : List.<Organization>of());
        model.put("errors", FormErrors.none());
        model.put("canManage", canManage);
        return Optional.of(output -> templates.render("signons/under-statement.jte", model, output));
    }

    /** The active organizations the viewer may sign for in one click. */
    private List<Organization> owned(Actor viewer) {
        return organizations.membershipsOf(viewer).stream()
                .filter(e -> e.getKey().active() && e.getValue().allows(SignOnPermission.SIGN_FOR_ORGANIZATION))
                .map(java.util.Map.Entry::getKey)
                .toList();
    }
}
