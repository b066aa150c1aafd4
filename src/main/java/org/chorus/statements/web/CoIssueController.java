package org.chorus.statements.web;

import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.statements.CoIssuing;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Co-issue requests (decision 0020): a statement's writers ask other organizations and follow their requests; the
 * invited organization's owners and designated reviewers read the text and answer. Each action is checked again by
 * {@link CoIssuing}.
 */
@Controller
class CoIssueController {

    private final CoIssuing coIssuing;
    private final ReadingStatements reading;
    private final CoalitionDirectory organizations;

    CoIssueController(CoIssuing coIssuing, ReadingStatements reading, CoalitionDirectory organizations) {
        this.coIssuing = coIssuing;
        this.reading = reading;
        this.organizations = organizations;
    }

    @GetMapping("/s/{slug}/co-issuers")
    String coIssuers(@PathVariable String slug, Actor actor, Model model) {
        return coIssuers(model, actor, reading.page(actor, slug, null), "", FormErrors.none());
    }

    @PostMapping("/s/{slug}/co-issuers")
    String ask(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String organization,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = reading.page(actor, slug, null);
        try {
            coIssuing.request(actor, page.statement().id(), organization);
        } catch (InvalidField problem) {
            return coIssuers(model, actor, page, organization, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "statement.co-issue.requested");
        return "redirect:/s/" + slug + "/co-issuers";
    }

    @PostMapping("/s/{slug}/co-issuers/{request}/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable String request, Actor actor, RedirectAttributes redirect) {
        var page = reading.page(actor, slug, null);
        var id = id(request);
        if (coIssuing.sent(actor, page.statement().id()).stream()
                .noneMatch(l -> l.request().id().equals(id))) {
            throw new NotFoundException("statement.co-issue.not-found");
        }
        coIssuing.withdraw(actor, id);
        redirect.addFlashAttribute("notice", "statement.co-issue.withdrawn");
        return "redirect:/s/" + slug + "/co-issuers";
    }

    @GetMapping("/o/{org}/manage/co-issue-requests")
    String received(@PathVariable String org, Actor actor, Model model) {
        var organization = organization(org);
        model.addAttribute("organization", organization);
        model.addAttribute("requests", coIssuing.received(actor, organization.id()));
        return "statements/co-issue-requests";
    }

    @GetMapping("/o/{org}/manage/co-issue-requests/{request}")
    String read(@PathVariable String org, @PathVariable String request, Actor actor, Model model) {
        var organization = organization(org);
        return read(model, organization, coIssuing.read(actor, organization.id(), id(request)), "", FormErrors.none());
    }

    @PostMapping("/o/{org}/manage/co-issue-requests/{request}/{answer:accept|decline}")
    String answer(
            @PathVariable String org,
            @PathVariable String request,
            @PathVariable String answer,
            @RequestParam(defaultValue = "") String message,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var organization = organization(org);
        var received = coIssuing.read(actor, organization.id(), id(request));
        try {
            if (answer.equals("accept")) {
                coIssuing.accept(actor, received.line().request().id(), message);
            } else {
                coIssuing.decline(actor, received.line().request().id(), message);
            }
        } catch (InvalidField problem) {
            return read(model, organization, received, message, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute(
                "notice", answer.equals("accept") ? "statement.co-issue.accepted" : "statement.co-issue.declined");
        return "redirect:/o/" + org + "/manage/co-issue-requests";
    }

    private String coIssuers(Model model, Actor actor, StatementPage page, String chosen, FormErrors errors) {
        var id = page.statement().id();
        model.addAttribute("page", page);
        model.addAttribute("requests", coIssuing.sent(actor, id));
        model.addAttribute("candidates", coIssuing.candidates(actor, id));
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "statements/co-issuers";
    }

    private static String read(
            Model model, Organization organization, CoIssuing.Received received, String message, FormErrors errors) {
        model.addAttribute("organization", organization);
        model.addAttribute("received", received);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "statements/co-issue-request";
    }

    private Organization organization(String slug) {
        return organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("statement.co-issue.not-found");
        }
    }
}
