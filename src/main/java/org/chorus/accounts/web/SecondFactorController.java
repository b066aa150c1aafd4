package org.chorus.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chorus.accounts.SigningInWithTwoFactor;
import org.chorus.accounts.TwoStepSignIn;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in: a code from the authenticator app, a recovery code, or a passkey. */
@Controller
class SecondFactorController {

    private final TwoStepSignIn twoStep;
    private final SigningInWithTwoFactor signingIn;

    SecondFactorController(TwoStepSignIn twoStep, SigningInWithTwoFactor signingIn) {
        this.twoStep = twoStep;
        this.signingIn = signingIn;
    }

    @GetMapping("/login/second-factor")
    String ask(HttpServletRequest request, Model model) {
        var pending = twoStep.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        return show(model, signingIn.hasAuthenticatorApp(pending.get()), FormErrors.none());
    }

    @PostMapping("/login/second-factor")
    String check(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Ui ui,
            Model model) {
        var pending = twoStep.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login?step-expired";
        }
        try {
            signingIn.verify(pending.get(), code);
        } catch (DomainException problem) {
            return show(model, signingIn.hasAuthenticatorApp(pending.get()), FormErrors.of(problem, ui.messages()));
        }
        return "redirect:" + twoStep.complete(request, response, TwoStepSignIn.TOTP_AUTHORITY);
    }

    @PostMapping("/login/second-factor/cancel")
    String cancel(HttpServletRequest request) {
        twoStep.cancel(request);
        return "redirect:/login";
    }

    private static String show(Model model, boolean authenticatorApp, FormErrors errors) {
        model.addAttribute("authenticatorApp", authenticatorApp);
        model.addAttribute("errors", errors);
        return "accounts/second-factor";
    }
}
