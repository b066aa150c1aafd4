package org.chorus.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message for one letter and one recipient: multipart/alternative with a plain-text and an HTML part
 * rendered by the precompiled jte templates, the stable Message-ID from the outbox, and for subscribed mail the
 * RFC 8058 one-click unsubscribe headers. This is the only place in Chorus that builds MIME messages.
 */
@Component
class MimeLetters {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up for every body part; without this property that is a ServiceLoader
        // scan of the whole class path each time (measured: 40% of the sending CPU)
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);
    private final TemplateEngine text =
            TemplateEngine.createPrecompiled(null, ContentType.Plain, null, "gg.jte.generated.text");
    private final MessageSource messageSource;
    private final InternetAddress from;
    private final String siteName;
    private final String siteUrl;
    private final Clock clock;

    MimeLetters(MessageSource messageSource, MailSettings settings, ChorusProperties chorus, Clock clock) {
        this.messageSource = messageSource;
        this.clock = clock;
        this.siteUrl = chorus.link("/");
        this.siteName = URI.create(chorus.baseUrl()).getHost();
        try {
            var parsed = InternetAddress.parse(settings.from(), true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException(
                        "CHORUS_SMTP_FROM must be one address (got '" + settings.from() + "')");
            }
            this.from = parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "CHORUS_SMTP_FROM is not a valid address (got '" + settings.from() + "'): " + e.getMessage(), e);
        }
    }

    /** The two parts of a letter, as the recipient will see them. */
    record Rendered(String subject, String html, String text) {}

    Rendered render(Letter letter, Mail.Recipient recipient) {
        var view = new LetterView(
                letter,
                new Messages(messageSource, letter.language().locale()),
                siteName,
                siteUrl,
                recipient.unsubscribeUrl(),
                recipient.preferencesUrl());
        var htmlOut = new StringOutput();
        html.render("email/letter.jte", Map.of("view", view), htmlOut);
        var textOut = new StringOutput();
        text.render("email/letter.jte", Map.of("view", view), textOut);
        return new Rendered(letter.subject(), htmlOut.toString(), textOut.toString());
    }

    MimeMessage build(Letter letter, Mail.Recipient recipient, String messageId) throws MessagingException {
        var rendered = render(letter, recipient);
        var message = new StableIdMessage(SESSION, messageId);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address(recipient));
        message.setSubject(rendered.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", letter.language().tag());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (recipient.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + recipient.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Precedence", "bulk");
        }
        var textPart = new MimeBodyPart();
        textPart.setText(rendered.text(), "UTF-8", "plain");
        var htmlPart = new MimeBodyPart();
        htmlPart.setText(rendered.html(), "UTF-8", "html");
        var alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    InternetAddress from() {
        return from;
    }

    private static InternetAddress address(Mail.Recipient recipient) throws MessagingException {
        try {
            var address = new InternetAddress(recipient.address(), recipient.name(), "UTF-8");
            address.validate();
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /** Keeps the Message-ID the outbox gave the message, instead of a new one at every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
