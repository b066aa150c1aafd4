package org.chorus.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.chorus.accounts.ResettingPasswords;
import org.chorus.shared.DomainException;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.RateLimits;
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

    /** Requests for a link one network (IPv4 /24, IPv6 /48) may make per hour, whatever the addresses asked for. */
    static final int REQUESTS_PER_NETWORK = 30;

    private final ResettingPasswords resetting;
    private final RateLimits requests = new RateLimits(Duration.ofHours(1), 100_000);

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
    String requestLink(@RequestParam(defaultValue = "") String email, Ui ui, Model model, HttpServletRequest request) {
        var wait = requests.take(NetworkPrefix.hash(request.getRemoteAddr()), REQUESTS_PER_NETWORK);
        if (wait > 0) {
            model.addAttribute("email", email);
            model.addAttribute("sent", false);
            model.addAttribute("errors", new FormErrors(Map.of(), ui.t("password-reset.throttled", wait), 429, wait));
            return "accounts/forgot";
        }
        // the answer is the same whether or not an account has this address, and whether or not that account had
        // its letters for the hour, so the form reveals nothing
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
