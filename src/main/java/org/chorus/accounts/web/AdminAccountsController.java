package org.chorus.accounts.web;

import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.SigningUp;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Site admins activate accounts waiting after sign-up. Only ROLE_ADMIN reaches /admin (SecurityConfiguration). */
@Controller
class AdminAccountsController {

    private final SigningUp signingUp;

    AdminAccountsController(SigningUp signingUp) {
        this.signingUp = signingUp;
    }

    @GetMapping("/admin/accounts")
    String pending(Model model) {
        model.addAttribute("pending", signingUp.pending());
        return "accounts/admin-accounts";
    }

    @PostMapping("/admin/accounts/{id}/activate")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        signingUp.activate(new AccountId(id));
        redirect.addFlashAttribute("notice", "admin.account-activated");
        return "redirect:/admin/accounts";
    }
}
