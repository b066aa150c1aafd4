package org.chorus.federation.web;

import org.chorus.federation.AdministeringFederation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The site admins' federation page: followers per organization, deliveries, the latest failures (queued again with one
 * button), and the servers blocked or silenced for the whole site. Only ROLE_ADMIN reaches /admin
 * (SecurityConfiguration).
 */
@Controller
class FederationAdminController {

    private final AdministeringFederation federation;

    FederationAdminController(AdministeringFederation federation) {
        this.federation = federation;
    }

    @GetMapping("/admin/federation")
    String status(Model model) {
        model.addAttribute("status", federation.status());
        return "federation/admin";
    }

    @PostMapping("/admin/federation/blocks")
    String block(
            @RequestParam String domain,
            @RequestParam(defaultValue = "block") String severity,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        federation.block(domain, severity.equals("silence"), reason);
        redirect.addFlashAttribute("notice", "federation.blocks.saved");
        return "redirect:/admin/federation#blocks";
    }

    @PostMapping("/admin/federation/blocks/remove")
    String unblock(@RequestParam String domain, RedirectAttributes redirect) {
        federation.unblock(domain);
        redirect.addFlashAttribute("notice", "federation.blocks.lifted");
        return "redirect:/admin/federation#blocks";
    }

    @PostMapping("/admin/federation/retry")
    String retry(RedirectAttributes redirect) {
        federation.retry(null);
        redirect.addFlashAttribute("notice", "federation.admin.retried");
        return "redirect:/admin/federation";
    }
}
