package org.chorus.organizations.web;

import java.util.List;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.ManageLinks;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.OrganizationPage;
import org.chorus.organizations.OrganizationPermission;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.InvalidField;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.Ui;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Running an organization: its profile (owners, editors), its people and invitations (owners), and organizations
 * asking to join below it (owners). Each action is checked again by the use case it calls.
 */
@Controller
class ManageOrganizationController {

    private final CoalitionDirectory directory;
    private final RegisteringOrganizations registering;
    private final ManagingMembers members;
    private final OrganizationPermissions permissions;
    private final PageContributions<ManageLinks> manageLinks;

    ManageOrganizationController(
            CoalitionDirectory directory,
            RegisteringOrganizations registering,
            ManagingMembers members,
            OrganizationPermissions permissions,
            ObjectProvider<PageContribution<ManageLinks>> manageLinks) {
        this.directory = directory;
        this.registering = registering;
        this.members = members;
        this.permissions = permissions;
        this.manageLinks = new PageContributions<>(manageLinks);
    }

    /** What modules above organizations add to the links of the manage page (co-issue requests, with a count). */
    @ModelAttribute("manageLinks")
    PageContributions<ManageLinks> manageLinks() {
        return manageLinks;
    }

    @GetMapping("/o/{slug}/manage")
    String manage(@PathVariable String slug, Actor actor, Model model) {
        var page = directory.page(actor, slug);
        permissions.requireTwoFactorIfAsked(actor, page.organization().id());
        return show(
                model,
                actor,
                page,
                OrganizationForm.of(page.organization()),
                FormErrors.none(),
                FormErrors.none(),
                null);
    }

    /** Owners require two-factor sign-in of everyone with a role here, or stop requiring it. */
    @PostMapping("/o/{slug}/manage/two-factor")
    @RequiresRecentSignIn
    String requireTwoFactor(
            @PathVariable String slug,
            @RequestParam(defaultValue = "false") boolean required,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        try {
            registering.requireTwoFactor(actor, page.organization().id(), required);
        } catch (InvalidField problem) {
            model.addAttribute("twoFactorErrors", FormErrors.of(problem, ui.messages()));
            return show(
                    model,
                    actor,
                    page,
                    OrganizationForm.of(page.organization()),
                    FormErrors.none(),
                    FormErrors.none(),
                    null);
        }
        redirect.addFlashAttribute("notice", required ? "manage.two-factor.required" : "manage.two-factor.stopped");
        return "redirect:/o/" + slug + "/manage#two-factor";
    }

    @PostMapping("/o/{slug}/manage/profile")
    String updateProfile(
            @PathVariable String slug,
            @ModelAttribute OrganizationForm form,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        try {
            registering.updateProfile(actor, page.organization().id(), form.profile(), form.timeZone());
        } catch (InvalidField problem) {
            return show(model, actor, page, form, FormErrors.of(problem, ui.messages()), FormErrors.none(), null);
        }
        redirect.addFlashAttribute("notice", "organization.saved");
        return "redirect:/o/" + slug + "/manage";
    }

    @PostMapping("/o/{slug}/manage/invitations")
    String invite(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String language,
            Actor actor,
            Ui ui,
            Model model) {
        var page = directory.page(actor, slug);
        var form = OrganizationForm.of(page.organization());
        try {
            var link = members.invite(
                    actor,
                    page.organization().id(),
                    email,
                    Role.parse(role).orElse(null),
                    Language.byTag(language).orElse(ui.language()));
            model.addAttribute("invitedEmail", email.strip());
            return show(model, actor, page, form, FormErrors.none(), FormErrors.none(), link);
        } catch (InvalidField problem) {
            model.addAttribute("invitedEmail", email);
            return show(model, actor, page, form, FormErrors.none(), FormErrors.of(problem, ui.messages()), null);
        }
    }

    /** An owner takes back an invitation that waits: its link then says it was withdrawn. */
    @PostMapping("/o/{slug}/manage/invitations/{invitation}/withdraw")
    String withdrawInvitation(
            @PathVariable String slug, @PathVariable UUID invitation, Actor actor, RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        members.withdrawInvitation(actor, page.organization().id(), invitation);
        redirect.addFlashAttribute("notice", "manage.invitations.withdrawn");
        return "redirect:/o/" + slug + "/manage#invitations";
    }

    /** An owner sends an invitation again with a new link (the old one stops working). */
    @PostMapping("/o/{slug}/manage/invitations/{invitation}/resend")
    String resendInvitation(
            @PathVariable String slug, @PathVariable UUID invitation, Actor actor, RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        members.resendInvitation(actor, page.organization().id(), invitation);
        redirect.addFlashAttribute("notice", "manage.invitations.resent");
        return "redirect:/o/" + slug + "/manage#invitations";
    }

    // who may act in the organization: only after a recent sign-in (a session left open must not hand it over)
    @RequiresRecentSignIn
    @PostMapping("/o/{slug}/manage/members/{account}/role")
    String changeRole(
            @PathVariable String slug,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "") String role,
            Actor actor,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        members.changeRole(
                actor,
                page.organization().id(),
                new AccountId(account),
                Role.parse(role).orElseThrow(() -> new InvalidField("role", "role.invalid")));
        if (htmx != null) {
            var member = members.members(actor, page.organization().id()).stream()
                    .filter(m -> m.account().value().equals(account))
                    .findFirst()
                    .orElseThrow();
            model.addAttribute("slug", slug);
            model.addAttribute("member", member);
            model.addAttribute("saved", true);
            return "organizations/member-row";
        }
        redirect.addFlashAttribute("notice", "member.role-changed");
        return "redirect:/o/" + slug + "/manage#people";
    }

    @RequiresRecentSignIn
    @PostMapping("/o/{slug}/manage/members/{account}/reviewer")
    String designateReviewer(
            @PathVariable String slug,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "false") boolean reviewer,
            Actor actor,
            RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        members.designateReviewer(actor, page.organization().id(), new AccountId(account), reviewer);
        redirect.addFlashAttribute("notice", reviewer ? "member.reviewer-designated" : "member.reviewer-withdrawn");
        return "redirect:/o/" + slug + "/manage#people";
    }

    @RequiresRecentSignIn
    @PostMapping("/o/{slug}/manage/members/{account}/remove")
    String remove(@PathVariable String slug, @PathVariable UUID account, Actor actor, RedirectAttributes redirect) {
        var page = directory.page(actor, slug);
        members.remove(actor, page.organization().id(), new AccountId(account));
        redirect.addFlashAttribute("notice", "member.removed");
        return "redirect:/o/" + slug + "/manage#people";
    }

    @PostMapping("/o/{slug}/manage/children/{child}/{decision:approve|reject}")
    String decide(
            @PathVariable String slug,
            @PathVariable String child,
            @PathVariable String decision,
            Actor actor,
            RedirectAttributes redirect) {
        directory.page(actor, slug);
        registering.decide(actor, child, "approve".equals(decision));
        redirect.addFlashAttribute(
                "notice", "approve".equals(decision) ? "organization.approved" : "organization.rejected");
        return "redirect:/o/" + slug + "/manage#requests";
    }

    private String show(
            Model model,
            Actor actor,
            OrganizationPage page,
            OrganizationForm form,
            FormErrors profileErrors,
            FormErrors inviteErrors,
            String invitationLink) {
        var id = page.organization().id();
        boolean canEdit = permissions.can(actor, id, OrganizationPermission.EDIT_PROFILE);
        boolean canInvite = permissions.can(actor, id, OrganizationPermission.INVITE_MEMBERS);
        boolean canChangeRoles = permissions.can(actor, id, OrganizationPermission.CHANGE_ROLES);
        boolean canApprove = permissions.can(actor, id, OrganizationPermission.APPROVE_CHILDREN);
        if (!canEdit && !canInvite && !canApprove) {
            throw new PermissionDenied("permission.denied");
        }
        model.addAttribute("page", page);
        model.addAttribute("viewer", actor);
        model.addAttribute("form", form.withTimeZone(directory.timeZone(id).getId()));
        model.addAttribute("profileErrors", profileErrors);
        model.addAttribute("inviteErrors", inviteErrors);
        model.addAttribute("invitationLink", invitationLink);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canInvite", canInvite);
        model.addAttribute("canChangeRoles", canChangeRoles);
        model.addAttribute("canSeeEmails", permissions.can(actor, id, OrganizationPermission.SEE_EMAIL_ADDRESSES));
        model.addAttribute("members", members.members(actor, id));
        model.addAttribute("invitations", canInvite ? members.pendingInvitations(actor, id) : List.of());
        model.addAttribute("pending", canApprove ? directory.pendingBelow(actor, id) : List.of());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("twoFactorRequired", registering.twoFactorRequired(id));
        if (!model.containsAttribute("twoFactorErrors")) {
            model.addAttribute("twoFactorErrors", FormErrors.none());
        }
        if (!model.containsAttribute("invitedEmail")) {
            model.addAttribute("invitedEmail", "");
        }
        return "organizations/manage";
    }
}
