package org.chorus.follows;

import org.chorus.signons.SignOnConfirmed;
import org.chorus.signons.SignOnConsents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Keep me informed by …" on a sign-on: once the signer confirmed it, they follow each organization whose box they
 * ticked (one box per organization, never bundled). The event names the organizations only; the address is asked of
 * {@code signons} for each of them, so it is never stored in clear with the event. Withdrawing the sign-on later does
 * not end these follows: they are a consent of their own, ended by the unsubscribe link of any letter.
 */
@Service
public class KeepingSignersInformed {

    private final SignOnConsents consents;
    private final Following following;

    KeepingSignersInformed(SignOnConsents consents, Following following) {
        this.consents = consents;
        this.following = following;
    }

    /**
     * After the confirmation commits, in a transaction of its own; one that failed or was cut short runs again at
     * start-up, and finds the follows it made already there.
     */
    @ApplicationModuleListener
    void on(SignOnConfirmed event) {
        follow(event);
    }

    /** Makes the follows a confirmed sign-on asked for; returns how many began (none the second time). */
    @Transactional
    public int follow(SignOnConfirmed event) {
        int began = 0;
        for (var organization : event.keepInformedBy()) {
            var consent = consents.consentedFollowAddress(event.id(), organization);
            if (consent.isPresent()
                    && following.followConsented(
                            consent.get().email(),
                            organization,
                            consent.get().language(),
                            consent.get().confirmedAt())) {
                began++;
            }
        }
        return began;
    }
}
