package org.chorus.organizations.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.chorus.accounts.SignedUpAndConfirmedHere;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.shared.DomainException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * A person who signed up from an invitation link joins when they confirm the address: pressing the confirm button is
 * the explicit act (link scanners open pages, they do not press), so the invitation is accepted in that POST.
 *
 * <p>Why a listener and not the invitation page: accounts, below us, cannot call in, and a GET of the invitation page
 * must not change anything. The listener is synchronous (a plain {@code @EventListener}, like {@code
 * OrganizationRetention}'s): it runs in the confirming request, so when the browser follows the redirect to the
 * invitation the person is a member already and the link leads into the organization. An invitation withdrawn,
 * replaced or expired meanwhile (or sent to another address) is left alone; the invitation page says why.
 */
@Component
class AcceptingOnConfirmation {

    private static final String INVITATIONS = "/invitations/";

    private final ManagingMembers members;

    AcceptingOnConfirmation(ManagingMembers members) {
        this.members = members;
    }

    @EventListener
    void on(SignedUpAndConfirmedHere confirmed) {
        invitationToken(confirmed.next()).ifPresent(token -> {
            try {
                // a person who just signed up is never a site admin
                members.accept(new Actor(confirmed.account(), false), token);
            } catch (DomainException closedOrNotForThem) {
                // the person lands on the invitation page, which tells why it was not accepted
            }
        });
    }

    /** The token of the invitation page the sign-up started from ({@link InvitationController}'s path), if any. */
    static Optional<String> invitationToken(String next) {
        if (next == null || !next.startsWith(INVITATIONS)) {
            return Optional.empty();
        }
        var segment = next.substring(INVITATIONS.length()).replaceFirst("[?#].*$", "");
        if (segment.isEmpty() || segment.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(UriUtils.decode(segment, StandardCharsets.UTF_8));
    }
}
