package org.chorus.federation;

import org.chorus.statements.StatementId;
import org.springframework.stereotype.Service;

/** What the fediverse did with a statement, for its page: likes and boosts from other servers. */
@Service
public class FederatedStatements {

    /** Likes and boosts (Announce) of a statement from people on other servers. */
    public record ReactionCounts(long likes, long boosts) {}

    private final Reactions reactions;

    FederatedStatements(Reactions reactions) {
        this.reactions = reactions;
    }

    public ReactionCounts reactions(StatementId statement) {
        var counts = reactions.of(statement);
        return new ReactionCounts(counts.likes(), counts.boosts());
    }
}
