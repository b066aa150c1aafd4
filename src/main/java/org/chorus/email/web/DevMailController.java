package org.chorus.email.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
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
 * so its links work) and its source. The pages exist only while mail is captured (dev mode) and only for requests from
 * this machine; otherwise they are 404.
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
    String list(HttpServletRequest request, Model model) {
        model.addAttribute("messages", box(request).newestFirst());
        return "email/dev-mail";
    }

    @GetMapping("/dev/mail/{number}")
    String show(@PathVariable long number, HttpServletRequest request, Model model) {
        model.addAttribute("message", message(request, number));
        return "email/dev-mail-message";
    }

    @GetMapping("/dev/mail/{number}/html")
    ResponseEntity<String> html(@PathVariable long number, HttpServletRequest request) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", LETTER_POLICY)
                .header("Cache-Control", "no-store")
                .body(message(request, number).html());
    }

    @GetMapping("/dev/mail/{number}/source")
    ResponseEntity<String> source(@PathVariable long number, HttpServletRequest request) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body(message(request, number).source());
    }

    private DevMailbox.CapturedMail message(HttpServletRequest request, long number) {
        return box(request).byNumber(number).orElseThrow(() -> new NotFoundException("dev-mail.not-found"));
    }

    /**
     * The mailbox holds reset and confirmation links, so it answers only the machine Chorus runs on: a neighbour on
     * the same network who reaches a dev server gets 404, as in production.
     */
    private DevMailbox box(HttpServletRequest request) {
        var box = mailbox.getIfAvailable();
        if (box == null || !fromThisMachine(request)) {
            throw new NotFoundException("dev-mail.not-captured");
        }
        return box;
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try { // the container gives the peer's address as a literal, so this looks nothing up
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException notAnAddress) {
            return false;
        }
    }
}
