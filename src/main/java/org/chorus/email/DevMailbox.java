package org.chorus.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dev mode's mail transport: every message is built exactly as for SMTP, then kept in memory (the newest 500) for
 * /dev/mail instead of leaving the machine.
 */
public class DevMailbox implements MailTransport {

    private static final int KEEP = 500;

    private final Deque<CapturedMail> messages = new ConcurrentLinkedDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final java.time.Clock clock;

    DevMailbox(java.time.Clock clock) {
        this.clock = clock;
    }

    /** One captured message, with its parts decoded for display and its source as sent. */
    public record CapturedMail(
            long number,
            Instant capturedAt,
            String messageId,
            String from,
            String to,
            String subject,
            String html,
            String text,
            String source) {}

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public void send(MimeMessage message, Runnable commitPoint) throws MessagingException {
                commitPoint.run();
                capture(message);
            }

            @Override
            public void close() {}
        };
    }

    public List<CapturedMail> newestFirst() {
        return List.copyOf(messages);
    }

    public Optional<CapturedMail> byNumber(long number) {
        return messages.stream().filter(m -> m.number() == number).findFirst();
    }

    private void capture(MimeMessage message) throws MessagingException {
        try {
            var source = new ByteArrayOutputStream();
            message.writeTo(source);
            var html = "";
            var text = "";
            if (message.getContent() instanceof Multipart multipart) {
                html = Objects.requireNonNullElse(body(multipart, "text/html"), "");
                text = Objects.requireNonNullElse(body(multipart, "text/plain"), "");
            } else {
                text = String.valueOf(message.getContent());
            }
            messages.addFirst(new CapturedMail(
                    sequence.incrementAndGet(),
                    clock.instant(),
                    message.getMessageID(),
                    decoded(message.getHeader("From")),
                    decoded(message.getHeader("To")),
                    message.getSubject(),
                    html,
                    text,
                    source.toString(java.nio.charset.StandardCharsets.UTF_8)));
            while (messages.size() > KEEP) {
                messages.pollLast();
            }
        } catch (IOException e) {
            throw new MessagingException("could not capture the message", e);
        }
    }

    /**
     * The letter's part of this type, in a multipart/alternative that may sit inside a multipart/mixed with attachments
     * (an attachment, which has a file name, is never the letter).
     */
    private static String body(Multipart multipart, String type) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                var found = body(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type) && part.getFileName() == null) {
                return (String) part.getContent();
            }
        }
        return null;
    }

    /** A header as people read it: RFC 2047 encoded words ({@code =?UTF-8?Q?…?=}) decoded. */
    static String decoded(String[] values) {
        if (values == null) {
            return "";
        }
        var out = new java.util.ArrayList<String>();
        for (var value : values) {
            try {
                out.add(jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(value)));
            } catch (java.io.UnsupportedEncodingException e) {
                out.add(value);
            }
        }
        return String.join(", ", out);
    }
}
