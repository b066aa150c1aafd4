package org.chorus.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * /dev/mail for one test in the shared test context, which sends mail over SMTP to GreenMail: while a test holds it
 * {@link #switchOn() switched on}, every message the engine sends is also kept in a dev mailbox, which /dev/mail then
 * shows as in dev mode. Switched off (the rest of the time), /dev/mail is 404 as in production, and the only change
 * is one field read per message sent. Tests run one at a time in the JVM, so no other test sees the mailbox. Dev mode
 * itself is untouched: there the capture is the transport ({@code chorus.mail.transport=capture}, refused in
 * production by ProductionSettings); everywhere else /dev/mail is 404.
 */
public class DevMailInTests implements BeanPostProcessor, BeanFactoryAware {

    private static final String BEAN = "devMailboxSwitchedOnForTest";

    private DefaultListableBeanFactory beans;
    /**
     * One for the JVM, like GreenMail: any live test context may deliver a queued message (docs/decisions/0007), so
     * each context's transport copies into the mailbox that the switched-on one shows.
     */
    private static volatile DevMailbox mailbox;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beans = (DefaultListableBeanFactory) beanFactory;
    }

    /** Captures from now on and shows the captured mail at /dev/mail until the returned handle is closed. */
    public AutoCloseable switchOn() {
        if (mailbox != null) {
            throw new IllegalStateException("/dev/mail is already switched on");
        }
        var box = new DevMailbox(beans.getBean(Clock.class));
        beans.registerSingleton(BEAN, box);
        mailbox = box;
        return () -> {
            mailbox = null;
            beans.destroySingleton(BEAN);
        };
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MailTransport transport && !(bean instanceof DevMailbox)) {
            return new Copying(transport);
        }
        return bean;
    }

    /** The configured transport, with a copy of each message it sent kept in the mailbox while one is switched on. */
    private final class Copying implements MailTransport {

        private final MailTransport transport;

        Copying(MailTransport transport) {
            this.transport = transport;
        }

        @Override
        public Connection open() throws MessagingException {
            var connection = transport.open();
            return new Connection() {
                @Override
                public void send(MimeMessage message, Runnable commitPoint) throws MessagingException {
                    connection.send(message, commitPoint);
                    var box = mailbox;
                    if (box != null) {
                        try (var copy = box.open()) {
                            copy.send(message, () -> {});
                        }
                    }
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        }
    }
}
