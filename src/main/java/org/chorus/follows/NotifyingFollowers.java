package org.chorus.follows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.chorus.email.Addressee;
import org.chorus.email.Mail;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.statements.PublishedStatement;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.chorus.statements.StatementPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a statement is published, each follower who asked for every statement gets one letter about it: followers of
 * the issuer, of an organization above it (when they follow what is below), or of one of its topics. Someone who
 * follows several of these still gets one letter, under the closest follow (the issuer, then an ancestor, then a topic).
 * A republication is news from the republisher: its letter says whose statement it is, and topic followers are not
 * told again of a statement on this site they heard of when it was first published. An import is not news (decision
 * 0003): its statements were published elsewhere long ago, and followers get no letter about them.
 */
@Service
public class NotifyingFollowers {

    private final Follows follows;
    private final ReadingStatements statements;
    private final CoalitionDirectory organizations;
    private final FollowLetters letters;
    private final FollowLinks links;
    private final PersonalData personalData;
    private final Mail mail;

    NotifyingFollowers(
            Follows follows,
            ReadingStatements statements,
            CoalitionDirectory organizations,
            FollowLetters letters,
            FollowLinks links,
            PersonalData personalData,
            Mail mail) {
        this.follows = follows;
        this.statements = statements;
        this.organizations = organizations;
        this.letters = letters;
        this.links = links;
        this.personalData = personalData;
        this.mail = mail;
    }

    /**
     * After the publication commits, on another thread and in a transaction of its own. Spring Modulith records the
     * publication with the statement's transaction and deletes it when this returns; one that failed or was cut short
     * is run again at start-up, and the idempotency keys make a second run queue nothing twice.
     */
    @ApplicationModuleListener
    void on(StatementPublished event) {
        if (event.kind() != StatementPublished.Kind.IMPORT) {
            notifyFollowers(event.statement());
        }
    }

    /** Queues the letters about one statement; returns how many were new (sending twice sends once). */
    @Transactional
    public int notifyFollowers(StatementId id) {
        var found = statements.published(id);
        if (found.isEmpty()) {
            return 0;
        }
        var statement = found.get();
        var ancestors = organizations.ancestors(statement.issuer());
        var named = new HashMap<OrganizationId, Organization>();
        organizations.find(List.of(statement.issuer())).forEach(named::put);
        ancestors.forEach(a -> named.put(a.id(), a));
        var issuer = named.get(statement.issuer());
        var batch = new Batch(statement, issuer, named);
        follows.streamFollowersOf(
                statement.issuer(),
                ancestors.stream().map(Organization::id).toList(),
                topicsToTell(statement),
                Frequency.IMMEDIATE,
                batch::add);
        return batch.flush();
    }

    /** A republication of a statement on this site carries its topics, whose followers heard of the original. */
    private static java.util.Set<String> topicsToTell(PublishedStatement statement) {
        return statement.republished() && statement.republication().sourceStatement() != null
                ? java.util.Set.of()
                : new HashSet<>(statement.topics());
    }

    /** Letters grouped by what they say (language and why), sent a few thousand at a time. */
    private final class Batch {

        private final PublishedStatement statement;
        private final Organization issuer;
        private final Map<OrganizationId, Organization> named;
        private final Map<List<Object>, List<Addressee>> groups = new HashMap<>();
        private int pending;
        private int sent;

        Batch(PublishedStatement statement, Organization issuer, Map<OrganizationId, Organization> named) {
            this.statement = statement;
            this.issuer = issuer;
            this.named = named;
        }

        void add(Follows.Recipient r) {
            var key = List.<Object>of(r.language(), r.target(), r.includeChildren());
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Addressee(
                            personalData.open(r.sealedEmail(), Following.EMAIL_COLUMN),
                            null,
                            "follows.statement:" + statement.id().value() + ":" + r.follower(),
                            links.subscription(r.follow(), r.tokenHash())));
            if (++pending >= Follows.FETCH_SIZE) {
                flush();
            }
        }

        int flush() {
            groups.forEach((key, addressees) -> {
                var language = FollowLetters.language((String) key.get(0));
                var target = (FollowTarget) key.get(1);
                var reason = letters.reason(
                        language, target, (Boolean) key.get(2), letters.targetName(language, target, named));
                sent += mail.sendAll(letters.notice(language, statement, issuer, reason), addressees);
            });
            groups.clear();
            pending = 0;
            return sent;
        }
    }
}
