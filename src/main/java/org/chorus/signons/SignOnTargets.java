package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.chorus.organizations.Organization;
import org.chorus.shared.database.AfterCommit;
import org.chorus.shared.web.PublicPagesChanged;
import org.chorus.statements.StatementHeading;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What signing a statement needs to know of it — its heading, its opening, the organizations a signer may choose to
 * hear from — kept for {@link #KEPT} so that a burst of sign-ons does not read the same seven rows per request. Any
 * committed change of public pages (a statement corrected or retracted, an organization renamed, an opening changed or
 * closed: {@link SignOnOpeningChanged}) forgets them all on this node; other nodes forget them within {@link #KEPT},
 * and the insert itself refuses a sign-on once its opening is closed ({@link SignOns#insert}), so no node stores one
 * after that.
 */
@Component
class SignOnTargets {

    static final Duration KEPT = Duration.ofSeconds(5);

    /** More distinct statements and languages than a burst touches: past it, everything is forgotten at once. */
    static final int MAX_KEPT = 1_000;

    /** A statement as signing reads it; the opening is empty when it was never opened for sign-on. */
    record Target(StatementHeading heading, Optional<SignOnOpening> opening, List<Organization> offered) {}

    private record Key(String slug, String language) {}

    private final KeptAWhile<Key, Target> kept;

    SignOnTargets(Clock clock) {
        this.kept = new KeptAWhile<>(clock, KEPT, MAX_KEPT);
    }

    /** The kept target of this statement in this language, or the one {@code read} gives (then kept). */
    Target get(String slug, String language, Supplier<Target> read) {
        return kept.get(new Key(slug, language), read);
    }

    @EventListener
    void onChange(PublicPagesChanged event) {
        AfterCommit.nowAndAfterCommit(this::forget);
    }

    void forget() {
        kept.forget();
    }
}
