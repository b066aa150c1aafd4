package org.chorus.accounts.web;

import java.util.Map;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST and the sign-out. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(jakarta.servlet.http.HttpServletRequest request, Ui ui, Model model) {
        String message = null;
        if (request.getParameterMap().containsKey("error")) {
            message = ui.t("login.failed");
        } else if (request.getParameterMap().containsKey("expired")) {
            message = ui.t("login.expired");
        } else if (request.getParameterMap().containsKey("step-expired")) {
            message = ui.t("login.step-expired");
        } else if (request.getParameterMap().containsKey("inactive")) {
            message = ui.t("login.inactive");
        }
        model.addAttribute("email", "");
        model.addAttribute("errors", new FormErrors(Map.of(), message));
        return "accounts/login";
    }
}
