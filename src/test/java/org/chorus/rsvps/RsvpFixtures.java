package org.chorus.rsvps;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.actions.ActionId;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;

/** RSVPs made through the real use cases, by guests from networks of their own, confirmed from their letters. */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class RsvpFixtures {

    private static final AtomicInteger NETWORKS = new AtomicInteger();

    private final ApplicationContext context;

    RsvpFixtures(ApplicationContext context) {
        this.context = context;
    }

    /**
     * The path of the confirmation link mailed for a guest's RSVP, sent a few seconds after the form came (the test
     * clock moves), from a network of its own.
     */
    public String confirmationPath(ActionId action, String name, String email, int guests) {
        var stamp = context.getBean(RsvpLimits.class).stamp(action);
        context.getBean(TestClock.class).advance(Duration.ofSeconds(4));
        int before = TestMail.to(email).size();
        context.getBean(Rsvping.class)
                .submit(
                        action,
                        name,
                        email,
                        new Rsvping.Answers(Integer.toString(guests), List.of()),
                        new Rsvping.Signals("", stamp, network(NETWORKS.incrementAndGet())),
                        Language.ENGLISH);
        return ReceivedMail.linkPath(TestMail.await(email, before + 1).get(before), "/rsvps/confirm/");
    }

    /** A guest's RSVP, confirmed: the path of its own page ({@code /rsvps/<id>/<signature>}). */
    public String confirmed(ActionId action, String name, String email, int guests) {
        var confirmation = context.getBean(Rsvping.class).confirm(token(confirmationPath(action, name, email, guests)));
        return confirmation.link();
    }

    /** The token of a link path like {@code /rsvps/confirm/<token>?lang=en}. */
    public static String token(String path) {
        var token = path.substring(path.lastIndexOf('/') + 1);
        int query = token.indexOf('?');
        return query < 0 ? token : token.substring(0, query);
    }

    /** A network of its own (one /24 each) for the n-th form, so no rate limit counts them together. */
    private static String network(int n) {
        return "172." + (32 + n / 250 % 16) + "." + (n % 250) + ".9";
    }
}
