package org.chorus.rsvps;

import java.util.Collection;
import java.util.List;
import org.chorus.actions.ActionId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The count job found new totals for these actions: their pages go stale in the page cache, and no other page. */
public record RsvpCountsChanged(List<ActionId> actions) implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return actions.stream().map(a -> "/actions/" + a).toList();
    }
}
