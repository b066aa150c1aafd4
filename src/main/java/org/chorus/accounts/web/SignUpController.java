package org.chorus.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.SignedUpAndConfirmedHere;
import org.chorus.accounts.SigningUp;
import org.chorus.accounts.TwoStepSignIn;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A visitor creates an account, confirms the address by the emailed link, and may ask for a new link. */
@Controller
class SignUpController {

    /** Requests for a new link one network address may make per hour (each address also has its own limit). */
    static final int RESENDS_PER_NETWORK_ADDRESS = 20;

    /** How long after signing up the confirmation in the same browser also signs in (the link's own validity). */
    static final Duration SIGN_IN_WITHIN = Duration.ofHours(48);

    private final SigningUp signingUp;
    private final TwoStepSignIn twoStep;
    private final java.time.Clock clock;
    private final ApplicationEventPublisher events;
    private final RateLimits resends = new RateLimits(Duration.ofHours(1), 100_000);

    SignUpController(
            SigningUp signingUp, TwoStepSignIn twoStep, java.time.Clock clock, ApplicationEventPublisher events) {
        this.signingUp = signingUp;
        this.twoStep = twoStep;
        this.clock = clock;
        this.events = events;
    }

    /** Who signed up in this browser and where they go once the address is confirmed (an invitation). */
    record SignedUpHere(AccountId account, java.time.Instant at, String next) implements java.io.Serializable {}

    static final String SIGNED_UP_HERE = SignUpController.class.getName() + ".signedUpHere";

    @GetMapping("/signup")
    String form(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("form", SignUpForm.blank(SignUpForm.localPath(next)));
        model.addAttribute("errors", FormErrors.none());
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm form, Ui ui, Model model, HttpServletRequest request) {
        try {
            var account = signingUp.signUp(form.email(), form.displayName(), form.password(), ui.language());
            if (!form.safeNext().isEmpty()) {
                // only this browser, which typed the password, is signed in by the confirmation (and goes on there)
                request.getSession()
                        .setAttribute(SIGNED_UP_HERE, new SignedUpHere(account, clock.instant(), form.safeNext()));
            }
        } catch (DomainException problem) {
            if ("account.email-taken".equals(problem.messageKey())) {
                // the same answer as a new sign-up, so the form does not tell who has an account here
                return "redirect:/signup/done";
            }
            model.addAttribute("errors", FormErrors.of(problem, ui.messages()));
            return "accounts/signup";
        }
        return "redirect:/signup/done";
    }

    @GetMapping("/signup/done")
    String done() {
        return "accounts/signup-done";
    }

    /** The link in the letter opens a page whose button confirms: mail scanners open links, they do not press. */
    @GetMapping("/signup/confirm/{token}")
    String confirmPage(
            @PathVariable String token,
            org.chorus.shared.web.Ui ui,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return org.chorus.shared.web.ConfirmLinkPage.show(
                model,
                response,
                ui,
                "signup.confirm",
                "/signup/confirm/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                token, java.nio.charset.StandardCharsets.UTF_8));
    }

    @org.springframework.web.bind.annotation.PostMapping("/signup/confirm/{token}")
    String confirm(
            @PathVariable String token,
            Model model,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        var account = signingUp.confirmed(token);
        var session = request.getSession(false);
        if (account.isPresent()
                && session != null
                && session.getAttribute(SIGNED_UP_HERE) instanceof SignedUpHere here
                && here.account().equals(account.get())
                && here.at().plus(SIGN_IN_WITHIN).isAfter(clock.instant())) {
            session.removeAttribute(SIGNED_UP_HERE);
            if (twoStep.signInAfterConfirmation(request, response, here.account(), here.at())) {
                // the page the sign-up started from finishes what it was for (an invitation is accepted) here, in this
                // POST, by listening: accounts does not know the modules above it
                events.publishEvent(new SignedUpAndConfirmedHere(here.account(), here.next()));
                return "redirect:" + here.next();
            }
        }
        model.addAttribute("confirmed", account.isPresent());
        return "accounts/signup-confirmed";
    }

    @GetMapping("/signup/resend")
    String resendForm(Model model) {
        return resendPage(model, "", false, FormErrors.none());
    }

    @PostMapping("/signup/resend")
    String resend(@RequestParam(defaultValue = "") String email, Ui ui, Model model, HttpServletRequest request) {
        var wait = resends.take(request.getRemoteAddr(), RESENDS_PER_NETWORK_ADDRESS);
        if (wait > 0) {
            return resendPage(
                    model, email, false, new FormErrors(Map.of(), ui.t("signup.resend.throttled", wait), 429, wait));
        }
        // the answer is the same whether or not an account waits with this address, so the form reveals nothing
        signingUp.resendConfirmation(email);
        return resendPage(model, email, true, FormErrors.none());
    }

    private static String resendPage(Model model, String email, boolean sent, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("sent", sent);
        model.addAttribute("errors", errors);
        return "accounts/signup-resend";
    }
}
