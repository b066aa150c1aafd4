package org.chorus.accounts.web;

import org.chorus.accounts.ResettingPasswords;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forgotten password: ask for a link, then choose a new password with it. */
@Controller
class PasswordResetController {

    private final ResettingPasswords resetting;

    PasswordResetController(ResettingPasswords resetting) {
        this.resetting = resetting;
    }

    @GetMapping("/password/forgot")
    String forgot(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("sent", false);
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String requestLink(@RequestParam(defaultValue = "") String email, Model model) {
        // the answer is the same whether or not an account has this address, so the form reveals nothing
        resetting.requestLink(email);
        model.addAttribute("email", email);
        model.addAttribute("sent", true);
        return "accounts/forgot";
    }

    @GetMapping("/password/reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", resetting.linkUsable(token));
        model.addAttribute("errors", FormErrors.none());
        return "accounts/reset";
    }

    @PostMapping("/password/reset/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        try {
            resetting.reset(token, password);
        } catch (DomainException problem) {
            model.addAttribute("token", token);
            model.addAttribute("usable", !problem.messageKey().equals("password-reset.link-invalid"));
            model.addAttribute("errors", FormErrors.of(problem, ui.messages()));
            return "accounts/reset";
        }
        redirect.addFlashAttribute("notice", "password-reset.done");
        return "redirect:/login";
    }
}
