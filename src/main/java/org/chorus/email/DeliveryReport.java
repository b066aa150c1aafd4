package org.chorus.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A delivery status notification (RFC 3464): a {@code multipart/report; report-type=delivery-status} message that a
 * mail server sends back when it could not deliver (or is still trying to deliver) a message. Jakarta Mail splits the
 * MIME structure; the {@code message/delivery-status} part is read as its blocks of header fields.
 *
 * @param originalMessageId the Message-ID of the message it reports on (from the attached message or its headers, or
 *     the {@code X-Original-Message-ID} field some servers add), or null when it names none
 * @param recipients one entry per recipient the report is about
 */
public record DeliveryReport(String originalMessageId, List<Recipient> recipients) {

    private static final int MAX_DEPTH = 5;
    private static final int MAX_RECIPIENTS = 100;

    public DeliveryReport {
        recipients = List.copyOf(recipients);
    }

    /**
     * What happened for one recipient.
     *
     * @param finalRecipient the address the reporting server tried (Final-Recipient), or null
     * @param originalRecipient the address as first given (Original-Recipient), or null
     * @param action failed, delayed, delivered, relayed or expanded (lower case)
     * @param status the enhanced status code, e.g. 5.1.1, or null when missing or malformed
     */
    public record Recipient(String finalRecipient, String originalRecipient, String action, String status) {

        /** A permanent failure: the message was not delivered and will not be (Action failed, Status 5.x.x). */
        public boolean hard() {
            return "failed".equals(action) && status != null && status.startsWith("5.");
        }

        /** The address to act on: the one first given when known, else the one finally tried. */
        public String address() {
            return originalRecipient != null ? originalRecipient : finalRecipient;
        }
    }

    /** Whether some recipient failed permanently. */
    public boolean hard() {
        return recipients.stream().anyMatch(Recipient::hard);
    }

    /**
     * Reads a message: empty when it is not a delivery status report (an out-of-office reply, a person's answer).
     *
     * @throws MessagingException or IOException when the message claims to be a report but cannot be read
     */
    public static Optional<DeliveryReport> parse(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        var type = new ContentType(message.getContentType());
        var reportType = type.getParameter("report-type");
        if (reportType != null && !reportType.equalsIgnoreCase("delivery-status")) {
            return Optional.empty(); // e.g. disposition notifications (read receipts)
        }
        if (!(message.getContent() instanceof MimeMultipart multipart)) {
            throw new MessagingException("a multipart/report whose parts cannot be read");
        }
        var found = new Found();
        find(multipart, found, 0);
        if (found.status == null) {
            return Optional.empty();
        }
        return Optional.of(read(found));
    }

    private static final class Found {
        Part status;
        Part original;
    }

    private static void find(MimeMultipart multipart, Found found, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                found.status = found.status == null ? part : found.status;
            } else if (part.isMimeType("message/rfc822")
                    || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global")
                    || part.isMimeType("message/global-headers")) {
                found.original = found.original == null ? part : found.original;
            } else if (part.isMimeType("multipart/*") && part.getContent() instanceof MimeMultipart nested) {
                find(nested, found, depth + 1);
            }
        }
    }

    private static DeliveryReport read(Found found) throws MessagingException, IOException {
        String messageId = null;
        var recipients = new ArrayList<Recipient>();
        try (var in = new BufferedInputStream(raw(found.status))) {
            var perMessage = new InternetHeaders(in);
            messageId = messageId(perMessage.getHeader("X-Original-Message-ID", null));
            while (recipients.size() < MAX_RECIPIENTS && hasMore(in)) {
                var fields = new InternetHeaders(in);
                var action = fields.getHeader("Action", null);
                if (action == null && fields.getHeader("Final-Recipient", null) == null) {
                    continue;
                }
                recipients.add(new Recipient(
                        address(fields.getHeader("Final-Recipient", null)),
                        address(fields.getHeader("Original-Recipient", null)),
                        action == null ? "" : action.strip().toLowerCase(Locale.ROOT),
                        status(fields.getHeader("Status", null))));
            }
        }
        if (found.original != null) {
            try (var in = raw(found.original)) {
                var original = messageId(new InternetHeaders(in).getHeader("Message-ID", null));
                messageId = original != null ? original : messageId;
            }
        }
        return new DeliveryReport(messageId, recipients);
    }

    /** The part's bytes, transfer encoding undone, without any content handler turning them into objects. */
    private static InputStream raw(Part part) throws MessagingException, IOException {
        return part.getInputStream();
    }

    /** Skips blank lines between blocks; false at the end. */
    private static boolean hasMore(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c == -1) {
                return false;
            }
            if (c != '\r' && c != '\n') {
                in.reset();
                return true;
            }
        }
    }

    /** {@code rfc822; ada@example.org} → {@code ada@example.org}; other address types and junk → null. */
    static String address(String field) {
        if (field == null) {
            return null;
        }
        var semicolon = field.indexOf(';');
        if (semicolon < 0 || !field.substring(0, semicolon).strip().equalsIgnoreCase("rfc822")) {
            return null;
        }
        var value = field.substring(semicolon + 1).strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value.contains("@") && !value.contains(" ") ? value : null;
    }

    /** {@code 5.1.1 (bad mailbox)} → {@code 5.1.1}; anything not shaped like a status code → null. */
    static String status(String field) {
        if (field == null) {
            return null;
        }
        var code = field.strip().split("[\\s(]", 2)[0];
        return code.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? code : null;
    }

    private static String messageId(String field) {
        if (field == null) {
            return null;
        }
        var value = field.strip();
        return value.startsWith("<") && value.endsWith(">") && value.length() > 2 ? value : null;
    }
}
