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
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message for one letter and one recipient: multipart/alternative with a plain-text and an HTML part
 * rendered by the precompiled jte templates (inside multipart/mixed with the letter's attachments, if any), the stable Message-ID from the outbox, and for subscribed mail the
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
    private final SiteName siteName;
    private final String siteUrl;
    private final String linkBase;
    private final Clock clock;

    MimeLetters(
            MessageSource messageSource,
            MailSettings settings,
            ChorusProperties chorus,
            Clock clock,
            SiteName siteName) {
        this.messageSource = messageSource;
        this.clock = clock;
        this.siteUrl = chorus.link("/");
        this.linkBase = chorus.link("");
        // the site's name (CHORUS_SITE_NAME, else the coalition's), never the host: "localhost" in dev
        this.siteName = siteName;
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
        var language = letter.language().tag();
        var view = new LetterView(
                letter,
                new Messages(messageSource, letter.language().locale()),
                siteName.name(),
                siteUrl,
                LetterView.withLanguage(recipient.unsubscribeUrl(), linkBase, language),
                LetterView.withLanguage(recipient.preferencesUrl(), linkBase, language),
                linkBase);
        var htmlOut = new StringOutput();
        html.render("email/letter.jte", Map.of("view", view), htmlOut);
        var textOut = new StringOutput();
        text.render("email/letter.jte", Map.of("view", view), textOut);
        return new Rendered(letter.subject(), htmlOut.toString(), textOut.toString());
    }

    MimeMessage build(Letter letter, Mail.Recipient recipient, String messageId) throws MessagingException {
        var rendered = render(letter, recipient);
        var message = new StableIdMessage(SESSION, messageId);
        message.setFrom(sender());
        message.setRecipient(Message.RecipientType.TO, address(recipient));
        if (letter.replyTo() != null) {
            message.setReplyTo(new jakarta.mail.Address[] {
                address(letter.replyTo().address(), letter.replyTo().name())
            });
        }
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
        if (letter.attachments().isEmpty()) {
            message.setContent(alternative);
        } else {
            // multipart/mixed: the letter as its two alternatives, then each file
            var body = new MimeBodyPart();
            body.setContent(alternative);
            var mixed = new MimeMultipart("mixed", body);
            for (var attachment : letter.attachments()) {
                mixed.addBodyPart(attachment(attachment));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    InternetAddress from() {
        return from;
    }

    private static MimeBodyPart attachment(Letter.Attachment attachment) throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                attachment.text().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                attachment.mediaType() + "; charset=UTF-8")));
        part.setFileName(attachment.fileName());
        part.setDisposition(jakarta.mail.Part.ATTACHMENT);
        // base64, as mail programs send files: Jakarta Mail would otherwise read the whole text to choose, then write
        // it quoted-printable a character at a time (a tenth of the time of sending each reminder)
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /**
     * The sender as recipients see it: the display name of CHORUS_SMTP_FROM when the operator gave one of their own,
     * else the site's name (the default "Chorus" is not a choice, so it gives way to CHORUS_SITE_NAME or the coalition).
     */
    InternetAddress sender() {
        var personal = from.getPersonal();
        if (personal != null && !personal.isBlank() && !SiteName.DEFAULT.equals(personal)) {
            return from;
        }
        try {
            return new InternetAddress(from.getAddress(), siteName.name(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            return from;
        }
    }

    private static InternetAddress address(Mail.Recipient recipient) throws MessagingException {
        return address(recipient.address(), recipient.name());
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        try {
            var address = new InternetAddress(email, name, "UTF-8");
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
