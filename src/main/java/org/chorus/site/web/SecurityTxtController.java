package org.chorus.site.web;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Language;
import org.chorus.site.SecurityContact;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /.well-known/security.txt} (RFC 9116): how to report a vulnerability in this instance, from the operator's
 * {@code CHORUS_SECURITY_CONTACT}. Without a contact there is nothing honest to publish, so it answers 404.
 */
@Controller
class SecurityTxtController {

    /** RFC 9116 asks for an expiry under a year away; the file is made per request, so it never goes stale. */
    static final Duration VALID_FOR = Duration.ofDays(180);

    private final SecurityContact security;
    private final ChorusProperties properties;
    private final Clock clock;

    SecurityTxtController(SecurityContact security, ChorusProperties properties, Clock clock) {
        this.security = security;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/.well-known/security.txt")
    @ResponseBody
    ResponseEntity<String> securityTxt() {
        if (!security.configured()) {
            return ResponseEntity.notFound().build();
        }
        var text = new StringBuilder();
        security.contact().forEach(c -> text.append("Contact: ").append(c).append('\n'));
        var expires = clock.instant().plus(VALID_FOR).truncatedTo(ChronoUnit.DAYS);
        text.append("Expires: ")
                .append(DateTimeFormatter.ISO_INSTANT.format(expires))
                .append('\n');
        text.append("Preferred-Languages: ")
                .append(String.join(
                        ", ",
                        java.util.Arrays.stream(Language.values())
                                .map(Language::tag)
                                .toList()))
                .append('\n');
        text.append("Canonical: ")
                .append(properties.link("/.well-known/security.txt"))
                .append('\n');
        if (security.policy() != null) {
            text.append("Policy: ").append(security.policy()).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(text.toString());
    }
}
