package org.chorus.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.chorus.accounts.ApiTokens;
import org.chorus.accounts.ChorusUser;
import org.chorus.accounts.ManagingSessions;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's API tokens (create, list, revoke) and signed-in sessions (list, end), under their account page. */
@Controller
class AccountSecurityController {

    private final ApiTokens tokens;
    private final ManagingSessions sessions;
    private final java.time.Clock clock;

    AccountSecurityController(ApiTokens tokens, ManagingSessions sessions, java.time.Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String tokens(@AuthenticationPrincipal ChorusUser user, Model model) {
        return tokensPage(
                model,
                user,
                null,
                "",
                String.valueOf(ApiTokens.DEFAULT_DAYS),
                "",
                ApiTokens.DEFAULT_SCOPES,
                FormErrors.none());
    }

    @RequiresRecentSignIn
    @PostMapping("/account/tokens")
    String create(
            @AuthenticationPrincipal ChorusUser user,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String expiry,
            @RequestParam(defaultValue = "") String expiresOn,
            @RequestParam(required = false) java.util.List<String> scopes,
            Ui ui,
            Model model) {
        var asked = scopes == null ? java.util.List.<String>of() : scopes;
        try {
            var created = tokens.create(user.id(), label, expiry, expiresOn, asked);
            // shown on this answer only: it is not kept anywhere it could be shown again
            return tokensPage(
                    model,
                    user,
                    created,
                    "",
                    String.valueOf(ApiTokens.DEFAULT_DAYS),
                    "",
                    ApiTokens.DEFAULT_SCOPES,
                    FormErrors.none());
        } catch (DomainException problem) {
            return tokensPage(
                    model, user, null, label, expiry, expiresOn, asked, FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal ChorusUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(user.id(), id);
        redirect.addFlashAttribute("notice", "tokens.revoked");
        return "redirect:/account/tokens";
    }

    @GetMapping("/account/sessions")
    String sessions(@AuthenticationPrincipal ChorusUser user, HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        model.addAttribute("sessions", sessions.of(user.id(), session == null ? null : session.getId()));
        return "accounts/sessions";
    }

    @PostMapping("/account/sessions/{id}/end")
    String end(@AuthenticationPrincipal ChorusUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        sessions.end(user.id(), id);
        redirect.addFlashAttribute("notice", "sessions.ended-one");
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(
            @AuthenticationPrincipal ChorusUser user, HttpServletRequest request, RedirectAttributes redirect) {
        sessions.endOthers(user.id(), request.getSession().getId());
        redirect.addFlashAttribute("notice", "sessions.ended-others");
        return "redirect:/account/sessions";
    }

    private String tokensPage(
            Model model,
            ChorusUser user,
            ApiTokens.NewToken created,
            String label,
            String expiry,
            String expiresOn,
            java.util.List<String> scopes,
            FormErrors errors) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("created", created);
        model.addAttribute("label", label);
        model.addAttribute("expiry", expiry.isBlank() ? String.valueOf(ApiTokens.DEFAULT_DAYS) : expiry);
        model.addAttribute("expiresOn", expiresOn);
        model.addAttribute("offeredDays", ApiTokens.OFFERED_DAYS);
        model.addAttribute("minDate", today.plusDays(1).toString());
        model.addAttribute("maxDate", today.plusDays(ApiTokens.MAX_DAYS - 1).toString());
        model.addAttribute("scopes", scopes);
        model.addAttribute("allScopes", ApiTokens.SCOPES);
        model.addAttribute("errors", errors);
        return "accounts/tokens";
    }
}
