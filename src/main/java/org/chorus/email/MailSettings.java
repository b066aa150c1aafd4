package org.chorus.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Chorus sends mail ({@code chorus.mail.*}, environment {@code CHORUS_SMTP_*} and {@code CHORUS_MAIL_*}).
 *
 * @param transport {@code smtp}, or {@code capture} (dev mode: keep messages in memory and show them at /dev/mail)
 * @param host SMTP server
 * @param port SMTP port
 * @param tls {@code none}, {@code starttls} (required, not opportunistic) or {@code tls} (implicit TLS, e.g. port 465)
 * @param username SMTP user, empty for none
 * @param password SMTP password
 * @param from the sender, e.g. {@code Climate Coalition <news@coalition.example>}
 * @param connections SMTP connections used at once while sending
 * @param ratePerSecond the most messages sent per second by one node
 * @param batchSize messages claimed at once by one connection
 * @param leaseSeconds how long a node holds claimed messages before another may take them
 * @param retentionDays how long finished messages stay in the outbox
 * @param bounces where hard bounces come from
 */
@ConfigurationProperties("chorus.mail")
public record MailSettings(
        @DefaultValue("smtp") String transport,
        @DefaultValue("") String host,
        @DefaultValue("587") int port,
        @DefaultValue("starttls") String tls,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("Chorus <chorus@localhost>") String from,
        @DefaultValue("2") int connections,
        @DefaultValue("100") int ratePerSecond,
        @DefaultValue("100") int batchSize,
        @DefaultValue("120") int leaseSeconds,
        @DefaultValue("30") int retentionDays,
        @DefaultValue Bounces bounces) {

    public boolean capture() {
        return "capture".equals(transport);
    }

    /**
     * @param imapHost IMAP server of the mailbox DSNs are delivered to; empty to not read one
     * @param imapPort its port
     * @param imapTls whether to use implicit TLS (IMAPS)
     * @param imapUsername mailbox user
     * @param imapPassword mailbox password
     * @param imapFolder folder to read
     * @param webhookSecret shared secret a provider sends as a bearer token to POST /hooks/email/bounces; empty to refuse (404)
     */
    public record Bounces(
            @DefaultValue("") String imapHost,
            @DefaultValue("993") int imapPort,
            @DefaultValue("true") boolean imapTls,
            @DefaultValue("") String imapUsername,
            @DefaultValue("") String imapPassword,
            @DefaultValue("INBOX") String imapFolder,
            @DefaultValue("") String webhookSecret) {}
}
