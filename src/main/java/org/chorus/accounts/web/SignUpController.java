package org.chorus.accounts.web;

import jakarta.validation.Valid;
import org.chorus.accounts.SigningUp;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A visitor creates an account. */
@Controller
class SignUpController {

    private final SigningUp signingUp;

    SignUpController(SigningUp signingUp) {
        this.signingUp = signingUp;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", SignUpForm.blank());
        model.addAttribute("errors", FormErrors.none());
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, Ui ui, Model model) {
        if (result.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(result, ui.messages()));
            return "accounts/signup";
        }
        try {
            signingUp.signUp(form.email(), form.displayName(), form.password(), ui.language());
        } catch (DomainException problem) {
            if ("account.email-taken".equals(problem.messageKey())) {
                // the same answer as a new sign-up, so the form does not tell who has an account here
                return "redirect:/signup/done";
            }
            var field = problem.messageKey().startsWith("password")
                    ? "password"
                    : problem.messageKey().startsWith("name") ? "displayName" : "email";
            model.addAttribute("errors", FormErrors.of(field, problem, ui.messages()));
            return "accounts/signup";
        }
        return "redirect:/signup/done";
    }

    @GetMapping("/signup/done")
    String done() {
        return "accounts/signup-done";
    }
}
