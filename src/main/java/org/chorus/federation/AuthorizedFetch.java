package org.chorus.federation;

import org.chorus.federation.signing.HttpSignatures;
import org.chorus.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Authorized-fetch mode ({@code chorus.federation.authorized-fetch}, off unless set, as Mastodon's secure mode): the
 * ActivityStreams documents of organizations, statements and actions are given only to requests signed by an actor of
 * a server that is not blocked (401 unsigned, 403 blocked), so a blocked server cannot read them by asking without a
 * signature. The pages themselves stay public; the site's own actor, WebFinger and NodeInfo are always answered (other
 * servers need them to sign at all).
 */
@Component
public class AuthorizedFetch {

    private final boolean required;
    private final InboxChecks checks;
    private final DomainBlocks blocks;

    AuthorizedFetch(
            @Value("${chorus.federation.authorized-fetch:false}") boolean required,
            InboxChecks checks,
            DomainBlocks blocks) {
        this.required = required;
        this.checks = checks;
        this.blocks = blocks;
    }

    /** Refuses the request unless it may read documents: in authorized-fetch mode, signed by an unblocked actor. */
    public void check(HttpSignatures.Request request) {
        if (!required) {
            return;
        }
        try {
            var signer = checks.signer(request);
            if (blocks.blocked(DomainBlocks.host(signer.id()), null)) {
                throw new DomainException(403, "federation.blocked");
            }
        } catch (InboxChecks.Refused refused) {
            throw new DomainException(refused.status(), "federation.signature-required", refused.getMessage());
        }
    }

    public boolean required() {
        return required;
    }
}
