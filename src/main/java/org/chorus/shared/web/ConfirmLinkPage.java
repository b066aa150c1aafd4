package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * The page a confirmation link in a letter opens: one button that confirms by POST. Mail scanners and link previews
 * open links; they do not press buttons, so nothing is confirmed by someone who did not ask (brief: "a confirmation
 * link opens a page whose button confirms by POST").
 */
public final class ConfirmLinkPage {

    private ConfirmLinkPage() {}

    /**
     * Fills the page from the messages {@code <prefix>.title}, {@code .text} and {@code .button}; the link holds a
     * secret, so the page is never stored by a browser or a proxy.
     */
    public static String show(Model model, HttpServletResponse response, Ui ui, String prefix, String action) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("title", ui.t(prefix + ".title"));
        model.addAttribute("text", ui.t(prefix + ".text"));
        // the answer to the button speaks the page's language too, cookie or not (links in letters carry ?lang=)
        model.addAttribute(
                "action",
                action + (action.contains("?") ? "&" : "?") + "lang="
                        + ui.language().tag());
        model.addAttribute("button", ui.t(prefix + ".button"));
        return "layout/confirm-link";
    }
}
