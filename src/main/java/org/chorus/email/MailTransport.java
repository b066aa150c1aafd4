package org.chorus.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where built messages go: an SMTP server, or the dev mode capture. */
interface MailTransport {

    Connection open() throws MessagingException;

    /** One open connection, used by one sender at a time. */
    interface Connection extends AutoCloseable {

        /**
         * Sends one message. {@code commitPoint} runs after the server accepted sender, recipients and content, right
         * before the final dot of DATA; if it throws, the message is abandoned and the server does not deliver it.
         */
        void send(MimeMessage message, Runnable commitPoint) throws MessagingException;

        @Override
        void close();
    }
}
