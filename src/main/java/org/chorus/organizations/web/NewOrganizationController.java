package org.chorus.organizations.web;

import java.util.Locale;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in person adds an organization below an existing one; a site admin may found a coalition. */
@Controller
class NewOrganizationController {

    private final RegisteringOrganizations registering;
    private final CoalitionDirectory directory;

    NewOrganizationController(RegisteringOrganizations registering, CoalitionDirectory directory) {
        this.registering = registering;
        this.directory = directory;
    }

    @GetMapping("/organizations/new")
    String form(@RequestParam(required = false) String parent, Model model) {
        return show(model, OrganizationForm.blank(parent), FormErrors.none());
    }

    @PostMapping("/organizations/new")
    String create(@ModelAttribute OrganizationForm form, Actor actor, Ui ui, Model model, RedirectAttributes redirect) {
        try {
            var kind = OrganizationKind.valueOf(form.value(form.kind()).toUpperCase(Locale.ROOT));
            var created = kind == OrganizationKind.COALITION
                    ? registering.foundCoalition(actor, form.profile())
                    : registering.registerBelow(actor, form.parent(), kind, form.profile());
            redirect.addFlashAttribute("notice", created.active() ? "organization.created" : "organization.pending");
            return "redirect:/o/" + created.slug();
        } catch (IllegalArgumentException unknownKind) {
            return show(
                    model,
                    form,
                    FormErrors.of("kind", new InvalidField("kind", "organization.kind.invalid"), ui.messages()));
        } catch (InvalidField problem) {
            return show(model, form, FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 403) {
                throw problem;
            }
            return show(model, form, FormErrors.of("kind", problem, ui.messages()));
        }
    }

    private String show(Model model, OrganizationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("parents", directory.listed());
        return "organizations/new";
    }
}
