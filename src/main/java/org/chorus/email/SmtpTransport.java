package org.chorus.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * SMTP through Jakarta Mail (Angus), with a hook at the commit point: {@link CommitPointTransport} runs the outbox's
 * commit just before it sends the final dot of DATA, the moment after which the server may deliver the message.
 */
class SmtpTransport implements MailTransport {

    private final Session session;
    private final MailSettings settings;

    SmtpTransport(MailSettings settings) {
        this.settings = settings;
        var implicitTls = "tls".equals(settings.tls());
        var protocol = implicitTls ? "smtps" : "smtp";
        var props = new Properties();
        var p = "mail." + protocol + ".";
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", settings.host());
        props.put(p + "port", String.valueOf(settings.port()));
        props.put(p + "connectiontimeout", "10000");
        props.put(p + "timeout", "30000");
        props.put(p + "writetimeout", "30000");
        props.put(p + "auth", String.valueOf(!settings.username().isBlank()));
        if ("starttls".equals(settings.tls())) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (implicitTls || "starttls".equals(settings.tls())) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (!implicitTls) {
            // the end of DATA is a few bytes written after the message: with Nagle's algorithm they wait for the ACK
            // of the message's last segment, which a server may delay by 40 ms (measured: 130 letters a second with
            // an attachment instead of 1,200); STARTTLS wraps this socket and keeps the option
            props.put(p + "socketFactory", new NoDelaySockets());
        }
        this.session = Session.getInstance(props);
        try {
            session.setProvider(new Provider(
                    Provider.Type.TRANSPORT,
                    protocol,
                    implicitTls ? CommitPointTransport.Tls.class.getName() : CommitPointTransport.class.getName(),
                    "Chorus",
                    "1"));
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("the SMTP transport cannot be registered", e);
        }
    }

    Session session() {
        return session;
    }

    @Override
    public Connection open() throws MessagingException {
        var transport = (CommitPointTransport) session.getTransport();
        transport.connect(
                settings.host(),
                settings.port(),
                settings.username().isBlank() ? null : settings.username(),
                settings.username().isBlank() ? null : settings.password());
        return new Connection() {
            @Override
            public void send(MimeMessage message, Runnable commitPoint) throws MessagingException {
                transport.commitPoint = commitPoint;
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } finally {
                    transport.commitPoint = null;
                }
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException | RuntimeException ignored) {
                    // the connection is gone either way
                }
            }
        };
    }

    /** Angus's SMTP transport, running the commit point before the end of DATA. */
    public static class CommitPointTransport extends SMTPTransport {

        Runnable commitPoint;

        public CommitPointTransport(Session session, URLName urlname) {
            super(session, urlname);
        }

        protected CommitPointTransport(Session session, URLName urlname, String name, boolean ssl) {
            super(session, urlname, name, ssl);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            if (commitPoint != null) {
                commitPoint.run();
            }
            super.finishData();
        }

        /** The same over implicit TLS ({@code smtps}). */
        public static class Tls extends CommitPointTransport {
            public Tls(Session session, URLName urlname) {
                super(session, urlname, "smtps", true);
            }
        }
    }

    /** Plain TCP sockets with TCP_NODELAY, for the SMTP connection. */
    static final class NoDelaySockets extends javax.net.SocketFactory {

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            var socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            var socket = createSocket();
            socket.bind(new java.net.InetSocketAddress(local, localPort));
            socket.connect(new java.net.InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public java.net.Socket createSocket(
                java.net.InetAddress address, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            var socket = createSocket();
            socket.bind(new java.net.InetSocketAddress(local, localPort));
            socket.connect(new java.net.InetSocketAddress(address, port));
            return socket;
        }

        private java.net.Socket connected(java.net.InetSocketAddress to) throws java.io.IOException {
            var socket = createSocket();
            socket.connect(to);
            return socket;
        }
    }
}
