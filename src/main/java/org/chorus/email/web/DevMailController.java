package org.chorus.email.web;

import org.chorus.email.DevMailbox;
import org.chorus.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Dev mode's mailbox: every message Chorus sent, newest first, with its text part, its HTML part (opened on its own,
 * so its links work) and its source. The pages exist only while mail is captured (dev mode); otherwise they are 404.
 */
@Controller
class DevMailController {

    // the captured HTML is Chorus's own letter layout, which styles with inline attributes as email clients need
    private static final String LETTER_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'";

    private final ObjectProvider<DevMailbox> mailbox;

    DevMailController(ObjectProvider<DevMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mail")
    String list(Model model) {
        model.addAttribute("messages", box().newestFirst());
        return "email/dev-mail";
    }

    @GetMapping("/dev/mail/{number}")
    String show(@PathVariable long number, Model model) {
        model.addAttribute("message", message(number));
        return "email/dev-mail-message";
    }

    @GetMapping("/dev/mail/{number}/html")
    ResponseEntity<String> html(@PathVariable long number) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", LETTER_POLICY)
                .header("Cache-Control", "no-store")
                .body(message(number).html());
    }

    @GetMapping("/dev/mail/{number}/source")
    ResponseEntity<String> source(@PathVariable long number) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body(message(number).source());
    }

    private DevMailbox.CapturedMail message(long number) {
        return box().byNumber(number).orElseThrow(() -> new NotFoundException("dev-mail.not-found"));
    }

    private DevMailbox box() {
        var box = mailbox.getIfAvailable();
        if (box == null) {
            throw new NotFoundException("dev-mail.not-captured");
        }
        return box;
    }
}
