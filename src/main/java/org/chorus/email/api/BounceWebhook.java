package org.chorus.email.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.email.MailSettings;
import org.chorus.email.RecordingBounces;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a mail provider reports bounces and complaints: {@code POST /hooks/email/bounces} with
 * {@code Authorization: Bearer <CHORUS_BOUNCE_WEBHOOK_SECRET>} and a JSON object (or an array of them)
 * {@code {"recipient": "...", "type": "hard"|"soft"|"complaint", "messageId": "<...>"}}. Hard bounces and complaints
 * suppress the address; soft bounces are counted and change nothing. Without a configured secret the hook does not
 * exist (404). A machine endpoint: no session, no CSRF.
 */
@RestController
class BounceWebhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_NOTICES = 1000;

    private final MailSettings settings;
    private final RecordingBounces bounces;

    BounceWebhook(MailSettings settings, RecordingBounces bounces) {
        this.settings = settings;
        this.bounces = bounces;
    }

    @PostMapping("/hooks/email/bounces")
    ResponseEntity<?> receive(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) String body,
            Ui ui) {
        var secret = settings.bounces().webhookSecret();
        if (secret.isBlank()) {
            throw new NotFoundException("email.bounce.webhook-off");
        }
        if (!authorized(authorization, secret)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ui.t("email.bounce.unauthorized"));
            problem.setTitle(ui.t("error.401.title"));
            return ResponseEntity.status(401)
                    .header("WWW-Authenticate", "Bearer")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        var outcome = bounces.record(notices(body));
        return ResponseEntity.ok(Map.of("suppressed", outcome.suppressed(), "ignored", outcome.ignored()));
    }

    /** Compares SHA-256 digests in constant time, so neither the secret's content nor its length leaks by timing. */
    static boolean authorized(String authorization, String secret) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        var given = authorization.substring(7).strip();
        return MessageDigest.isEqual(
                SecretToken.hash(given).getBytes(StandardCharsets.US_ASCII),
                SecretToken.hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    static List<RecordingBounces.Notice> notices(String body) {
        if (body == null || body.isBlank()) {
            throw new DomainException(400, "email.bounce.body-missing");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new DomainException(400, "email.bounce.json-invalid");
        }
        var items = new ArrayList<JsonNode>();
        if (tree.isArray()) {
            tree.forEach(items::add);
        } else if (tree.isObject()) {
            items.add(tree);
        } else {
            throw new DomainException(400, "email.bounce.json-shape");
        }
        if (items.size() > MAX_NOTICES) {
            throw new DomainException(400, "email.bounce.too-many", MAX_NOTICES);
        }
        var notices = new ArrayList<RecordingBounces.Notice>();
        for (int i = 0; i < items.size(); i++) {
            notices.add(notice(items.get(i), i + 1));
        }
        return notices;
    }

    private static RecordingBounces.Notice notice(JsonNode item, int position) {
        if (!item.isObject()) {
            throw new DomainException(400, "email.bounce.json-shape");
        }
        var recipient = text(item, "recipient", position);
        var messageId = text(item, "messageId", position);
        var type = text(item, "type", position);
        RecordingBounces.Kind kind;
        try {
            kind = RecordingBounces.Kind.valueOf(type == null ? "" : type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "email.bounce.type-invalid", position);
        }
        if (recipient == null && messageId == null) {
            throw new DomainException(400, "email.bounce.who-missing", position);
        }
        if (recipient != null) {
            try {
                recipient = EmailAddress.check(recipient);
            } catch (DomainException e) {
                throw new DomainException(400, "email.bounce.recipient-invalid", position);
            }
        }
        if (messageId != null && !(messageId.startsWith("<") && messageId.endsWith(">"))) {
            messageId = "<" + messageId + ">";
        }
        return new RecordingBounces.Notice(recipient, kind, messageId);
    }

    private static String text(JsonNode item, String field, int position) {
        var value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new DomainException(400, "email.bounce.field-not-text", field, position);
        }
        var text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
