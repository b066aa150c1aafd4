package org.chorus.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.chorus.accounts.ChangingEmail;
import org.chorus.accounts.ChorusUser;
import org.chorus.accounts.EditingProfiles;
import org.chorus.accounts.RecentAuthentication;
import org.chorus.accounts.SettingUpTwoFactor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.RateLimits;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own profile: name, language, password and email address. Changing the password or the address asks for
 * the current password in the form itself, every time (stricter than {@link RecentAuthentication}'s ten minutes).
 */
@Controller
class ProfileController {

    /** Requests to change address one account may make per hour, whatever their outcome. */
    static final int EMAIL_CHANGES_PER_ACCOUNT = 5;
    /** Wrong current passwords one account may give per hour when changing its password (a stolen session). */
    static final int PASSWORD_CHECKS_PER_ACCOUNT = 10;

    private final EditingProfiles profiles;
    private final ChangingEmail changingEmail;
    private final LocaleResolver localeResolver;
    private final RecentAuthentication recent;
    private final SettingUpTwoFactor twoFactor;
    private final int perHourPerNetwork;
    private final RateLimits perHour = new RateLimits(Duration.ofHours(1), 100_000);
    private final org.chorus.shared.web.PageContributions<org.chorus.accounts.AccountPageSection> sections;

    ProfileController(
            EditingProfiles profiles,
            ChangingEmail changingEmail,
            LocaleResolver localeResolver,
            RecentAuthentication recent,
            SettingUpTwoFactor twoFactor,
            @Value("${chorus.accounts.email-changes-per-network:20}") int perHourPerNetwork,
            org.springframework.beans.factory.ObjectProvider<
                            org.chorus.shared.web.PageContribution<org.chorus.accounts.AccountPageSection>>
                    sections) {
        this.profiles = profiles;
        this.changingEmail = changingEmail;
        this.localeResolver = localeResolver;
        this.recent = recent;
        this.twoFactor = twoFactor;
        this.perHourPerNetwork = perHourPerNetwork;
        this.sections = new org.chorus.shared.web.PageContributions<>(sections);
    }

    /** What modules above accounts add to the account page (decision 0006). */
    @org.springframework.web.bind.annotation.ModelAttribute("sections")
    org.chorus.shared.web.PageContributions<org.chorus.accounts.AccountPageSection> sections() {
        return sections;
    }

    /** Whether adding a passkey can go ahead now, or the page first offers to confirm the password. */
    @org.springframework.web.bind.annotation.ModelAttribute("recentSignIn")
    boolean recentSignIn(HttpServletRequest request) {
        return recent.isRecent(request);
    }

    @GetMapping("/account")
    String profile(@AuthenticationPrincipal ChorusUser user, Model model) {
        var account = profiles.profile(user.id());
        return show(model, user, account.displayName(), account.language(), FormErrors.none(), FormErrors.none());
    }

    @PostMapping("/account/email")
    String changeEmail(
            @AuthenticationPrincipal ChorusUser user,
            @RequestParam(defaultValue = "") String newEmail,
            @RequestParam(defaultValue = "") String emailPassword,
            Ui ui,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        // every request counts, whatever its outcome: the answer is the same for a taken address as for a new one,
        // and the limit keeps anyone from trying addresses, or the current password, in bulk (issue 11, hole 3)
        var wait = perHour.take("account:" + user.id(), EMAIL_CHANGES_PER_ACCOUNT);
        if (wait == 0) {
            wait = perHour.take("network:" + NetworkPrefix.hash(request.getRemoteAddr()), perHourPerNetwork);
        }
        if (wait > 0) {
            return emailRefused(
                    model, user, newEmail, new FormErrors(Map.of(), ui.t("profile.email-throttled", wait), 429, wait));
        }
        try {
            changingEmail.request(user.id(), newEmail, emailPassword);
            // the form asks for the password every time, stricter than a recent sign-in; it counts as one
            recent.confirmed(request);
        } catch (DomainException problem) {
            countWrongPassword(problem, request);
            return emailRefused(model, user, newEmail, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "profile.email-sent");
        return "redirect:/account";
    }

    private String emailRefused(Model model, ChorusUser user, String newEmail, FormErrors errors) {
        var account = profiles.profile(user.id());
        model.addAttribute("newEmail", newEmail);
        model.addAttribute("emailErrors", errors);
        return show(model, user, account.displayName(), account.language(), FormErrors.none(), FormErrors.none());
    }

    /** Public: the link comes by email and may be opened on a device where the person is not signed in. */
    /** The link in the letter opens a page whose button confirms: mail scanners open links, they do not press. */
    @GetMapping("/email-change/{token}")
    String confirmEmailPage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        return org.chorus.shared.web.ConfirmLinkPage.show(
                model,
                response,
                ui,
                "address-change.confirm",
                "/email-change/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                token, java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/email-change/{token}")
    String confirmEmail(@PathVariable String token, Ui ui, Model model) {
        try {
            model.addAttribute("address", changingEmail.confirm(token));
            model.addAttribute("problem", null);
        } catch (DomainException problem) {
            model.addAttribute("address", null);
            model.addAttribute("problem", ui.t(problem.messageKey()));
        }
        return "accounts/email-changed";
    }

    @PostMapping("/account")
    String update(
            @AuthenticationPrincipal ChorusUser user,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String language,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var chosen = Language.byTag(language);
        if (chosen.isEmpty()) {
            return show(
                    model,
                    user,
                    displayName,
                    language,
                    FormErrors.of(new InvalidField("language", "language.unsupported"), ui.messages()),
                    FormErrors.none());
        }
        try {
            profiles.update(user.id(), displayName, chosen.get());
        } catch (DomainException problem) {
            return show(model, user, displayName, language, FormErrors.of(problem, ui.messages()), FormErrors.none());
        }
        refreshPrincipal(user, request, response);
        localeResolver.setLocale(request, response, chosen.get().locale());
        redirect.addFlashAttribute("notice", "profile.saved");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal ChorusUser user,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "false") boolean revokeTokens,
            Ui ui,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        // the current password is checked here too, so guesses are limited like sign-in's; a success gives back
        var key = "password:" + user.id();
        var wait = perHour.take(key, PASSWORD_CHECKS_PER_ACCOUNT);
        if (wait > 0) {
            return passwordRefused(
                    model, user, new FormErrors(Map.of(), ui.t("profile.password-throttled", wait), 429, wait));
        }
        try {
            var session = request.getSession(false);
            profiles.changePassword(
                    user.id(), currentPassword, newPassword, session == null ? null : session.getId(), revokeTokens);
            recent.confirmed(request);
        } catch (DomainException problem) {
            countWrongPassword(problem, request);
            return passwordRefused(model, user, FormErrors.of(problem, ui.messages()));
        }
        perHour.giveBack(key);
        redirect.addFlashAttribute("notice", "profile.password-changed");
        return "redirect:/account";
    }

    /** A wrong current password counts against the session like one on the confirmation page. */
    private void countWrongPassword(DomainException problem, HttpServletRequest request) {
        if ("password.current-wrong".equals(problem.messageKey())) {
            recent.wrongPassword(request);
        }
    }

    private String passwordRefused(Model model, ChorusUser user, FormErrors errors) {
        var account = profiles.profile(user.id());
        return show(model, user, account.displayName(), account.language(), FormErrors.none(), errors);
    }

    private String show(
            Model model,
            ChorusUser user,
            String displayName,
            String language,
            FormErrors errors,
            FormErrors passwordErrors) {
        model.addAttribute("email", profiles.profile(user.id()).email());
        if (!model.containsAttribute("emailErrors")) {
            model.addAttribute("newEmail", "");
            model.addAttribute("emailErrors", FormErrors.none());
        }
        model.addAttribute("displayName", displayName);
        model.addAttribute("language", language);
        model.addAttribute("errors", errors);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("twoFactor", twoFactor.status(user.id()));
        return "accounts/profile";
    }

    private void refreshPrincipal(ChorusUser user, HttpServletRequest request, HttpServletResponse response) {
        var fresh = profiles.refreshed(user.id());
        var authorities =
                new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(fresh.getAuthorities());
        // the factors proven at sign-in (and when) stay with the session
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null) {
            current.getAuthorities().stream()
                    .filter(a -> a instanceof org.springframework.security.core.authority.FactorGrantedAuthority)
                    .forEach(authorities::add);
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, authorities));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
