package org.chorus.follows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly digests: once a week has passed since a weekly follower's last digest (or their confirmation), they get one
 * letter per follow listing the statements published since, for what they follow; with nothing new, no letter, and
 * the week starts again.
 */
@Service
public class SendingDigests {

    static final Duration WEEK = Duration.ofDays(7);
    /** A digest never reaches further back than this, whatever happened to the job meanwhile. */
    static final Duration LONGEST = Duration.ofDays(31);

    private static final int FOLLOWS_PER_ROUND = 2_000;
    private static final int STATEMENTS_MAX = 2_000;
    private static final int ITEMS_MAX = 50;

    private final Follows follows;
    private final ReadingStatements statements;
    private final CoalitionDirectory organizations;
    private final FollowLetters letters;
    private final FollowLinks links;
    private final PersonalData personalData;
    private final Mail mail;
    private final Clock clock;

    SendingDigests(
            Follows follows,
            ReadingStatements statements,
            CoalitionDirectory organizations,
            FollowLetters letters,
            FollowLinks links,
            PersonalData personalData,
            Mail mail,
            Clock clock) {
        this.follows = follows;
        this.statements = statements;
        this.organizations = organizations;
        this.letters = letters;
        this.links = links;
        this.personalData = personalData;
        this.mail = mail;
        this.clock = clock;
    }

    /** Sends every digest that is due; returns how many letters were queued. */
    @Transactional
    public int sendDue() {
        var now = clock.instant();
        int queued = 0;
        var published = new ArrayList<PublishedStatement>();
        var ancestry = new HashMap<OrganizationId, List<OrganizationId>>();
        var named = new HashMap<OrganizationId, Organization>();
        Instant loadedFrom = null;
        while (true) {
            var due = follows.dueDigests(now.minus(WEEK), FOLLOWS_PER_ROUND);
            if (due.isEmpty()) {
                return queued;
            }
            var earliest =
                    due.stream().map(r -> since(r, now)).min(Instant::compareTo).orElseThrow();
            if (loadedFrom == null || earliest.isBefore(loadedFrom)) {
                published.clear();
                published.addAll(statements.publishedBetween(earliest, now, STATEMENTS_MAX));
                loadedFrom = earliest;
                var issuers = published.stream()
                        .map(PublishedStatement::issuer)
                        .distinct()
                        .toList();
                named.putAll(organizations.find(issuers));
                for (var issuer : issuers) {
                    ancestry.computeIfAbsent(
                            issuer,
                            i -> organizations.ancestors(i).stream()
                                    .map(a -> {
                                        named.putIfAbsent(a.id(), a);
                                        return a.id();
                                    })
                                    .toList());
                }
            }
            var targets = due.stream()
                    .map(Follows.Recipient::target)
                    .filter(FollowTarget::isOrganization)
                    .map(FollowTarget::organization)
                    .filter(id -> !named.containsKey(id))
                    .distinct()
                    .toList();
            named.putAll(organizations.find(targets));
            // followers with the same target, language and statements share one letter
            var groups = new LinkedHashMap<List<Object>, List<Addressee>>();
            var contents = new HashMap<List<Object>, List<PublishedStatement>>();
            for (var follow : due) {
                var since = since(follow, now);
                var matching = published.stream()
                        .filter(s -> s.publishedAt().isAfter(since) && matches(follow, s, ancestry))
                        .toList();
                if (matching.isEmpty()) {
                    continue;
                }
                var shown = matching.size() > ITEMS_MAX
                        ? matching.subList(matching.size() - ITEMS_MAX, matching.size())
                        : matching;
                var key = List.<Object>of(
                        follow.language(),
                        follow.target(),
                        follow.includeChildren(),
                        shown.stream().map(s -> s.id().value()).toList());
                contents.putIfAbsent(key, shown);
                groups.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Addressee(
                                personalData.open(follow.sealedEmail(), Following.EMAIL_COLUMN),
                                null,
                                "follows.digest:" + follow.follow() + ":" + now.getEpochSecond(),
                                links.subscription(follow.follow(), follow.tokenHash())));
            }
            for (var group : groups.entrySet()) {
                var key = group.getKey();
                var language = FollowLetters.language((String) key.get(0));
                var target = (FollowTarget) key.get(1);
                var targetName = letters.targetName(language, target, named);
                var reason = letters.reason(language, target, (Boolean) key.get(2), targetName);
                queued += mail.sendAll(
                        letters.digest(language, targetName, reason, contents.get(key), named), group.getValue());
            }
            follows.digested(due.stream().map(Follows.Recipient::follow).toList(), now);
        }
    }

    private static Instant since(Follows.Recipient follow, Instant now) {
        var oldest = now.minus(LONGEST);
        var last = follow.lastDigestAt();
        return last == null || last.isBefore(oldest) ? oldest : last;
    }

    private static boolean matches(
            Follows.Recipient follow,
            PublishedStatement statement,
            Map<OrganizationId, List<OrganizationId>> ancestry) {
        var target = follow.target();
        if (!target.isOrganization()) {
            return statement.topics().contains(target.topic());
        }
        return target.organization().equals(statement.issuer())
                || (follow.includeChildren()
                        && ancestry.getOrDefault(statement.issuer(), List.of()).contains(target.organization()));
    }
}
