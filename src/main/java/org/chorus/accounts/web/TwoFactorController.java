package org.chorus.accounts.web;

import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.accounts.SettingUpTwoFactor;
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

/** Setting up two-factor sign-in from the account page: authenticator app, recovery codes, passkeys. */
@Controller
class TwoFactorController {

    private final SettingUpTwoFactor twoFactor;

    TwoFactorController(SettingUpTwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    /**
     * The setup page. An organization that requires two-factor sign-in sends its members here with its name in the
     * flash attribute {@code requiredBy}, so the page can say why (never from the address, which anyone can forge).
     */
    @GetMapping("/account/two-factor")
    String setup(@AuthenticationPrincipal ChorusUser user, Ui ui, Model model) {
        if (twoFactor.status(user.id()).authenticatorApp()) {
            return "redirect:/account";
        }
        var setup = twoFactor.inProgress(user.id()).orElseGet(() -> twoFactor.begin(user.id()));
        return show(model, ui, setup, FormErrors.none());
    }

    @RequiresRecentSignIn
    @PostMapping("/account/two-factor")
    String confirm(
            @AuthenticationPrincipal ChorusUser user,
            @RequestParam(defaultValue = "") String code,
            Ui ui,
            Model model) {
        List<String> codes;
        try {
            codes = twoFactor.confirm(user.id(), code);
        } catch (DomainException problem) {
            var setup = twoFactor.inProgress(user.id()).orElseGet(() -> twoFactor.begin(user.id()));
            return show(model, ui, setup, FormErrors.of(problem, ui.messages()));
        }
        return recoveryCodes(model, codes, "two-factor.enabled");
    }

    @RequiresRecentSignIn
    @PostMapping("/account/two-factor/disable")
    String disable(@AuthenticationPrincipal ChorusUser user, RedirectAttributes redirect) {
        twoFactor.disable(user.id());
        redirect.addFlashAttribute("notice", "two-factor.disabled");
        return "redirect:/account";
    }

    @RequiresRecentSignIn
    @PostMapping("/account/two-factor/recovery-codes")
    String renewRecoveryCodes(@AuthenticationPrincipal ChorusUser user, Model model) {
        return recoveryCodes(model, twoFactor.renewRecoveryCodes(user.id()), "two-factor.codes-renewed");
    }

    @RequiresRecentSignIn
    @PostMapping("/account/passkeys/{passkey}/delete")
    String removePasskey(
            @AuthenticationPrincipal ChorusUser user, @PathVariable String passkey, RedirectAttributes redirect) {
        twoFactor.removePasskey(user.id(), passkey);
        redirect.addFlashAttribute("notice", "passkey.removed");
        return "redirect:/account";
    }

    private static String show(Model model, Ui ui, SettingUpTwoFactor.AuthenticatorSetup setup, FormErrors errors) {
        model.addAttribute("secret", setup.secret());
        model.addAttribute("uri", setup.uri());
        model.addAttribute("qrCode", QrCode.svg(setup.uri(), ui.t("two-factor.qr-label")));
        if (!model.containsAttribute("requiredBy")) {
            model.addAttribute("requiredBy", null);
        }
        model.addAttribute("errors", errors);
        return "accounts/two-factor";
    }

    private static String recoveryCodes(Model model, List<String> codes, String message) {
        model.addAttribute("codes", codes);
        model.addAttribute("message", message);
        return "accounts/recovery-codes";
    }
}
