package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.email.Mail;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.StatementHeading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizers' view of bursts: a statement's unconfirmed sign-ons of a recent window grouped by the network they
 * came from (the keyed hash of its prefix, never an address) and by the domain of their email address (read from the
 * sealed data when the view is asked for, never stored apart), and the discarding of one group in one go: its
 * sign-ons are deleted, and their confirmation letters not sent yet are stopped.
 */
@Service
public class SuspiciousSignOns {

    /** The windows an organizer may look back over, in hours: unconfirmed sign-ons live 7 days at most. */
    public static final List<Integer> WINDOWS = List.of(1, 24, 168);
    /** The fewest unconfirmed sign-ons that make a group worth showing. */
    static final int LEAST = 2;
    /** Groups shown per kind, largest first. */
    static final int GROUPS = 20;
    /** The most recent unconfirmed sign-ons whose addresses are read for their domains. */
    static final int READ_FOR_DOMAINS = 20_000;

    private final SignOnBursts bursts;
    private final Organizers organizers;
    private final PersonalData personalData;
    private final Mail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SuspiciousSignOns(
            SignOnBursts bursts,
            Organizers organizers,
            PersonalData personalData,
            Mail mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.bursts = bursts;
        this.organizers = organizers;
        this.personalData = personalData;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** Where a group of sign-ons came from. */
    public enum Source {
        NETWORK,
        DOMAIN
    }

    /**
     * A group of unconfirmed sign-ons.
     *
     * @param key what identifies the group when discarding it (the network's hash, the domain)
     * @param label how the page names it (the hash's first characters, the domain)
     */
    public record Burst(Source source, String key, String label, int count, Instant first, Instant last) {}

    /**
     * The bursts of a statement in the last {@code hours}.
     *
     * @param partly true when there were more unconfirmed sign-ons than the domains were read from
     */
    public record Bursts(
            StatementHeading statement, int hours, List<Burst> networks, List<Burst> domains, boolean partly) {}

    @Transactional(readOnly = true)
    public Bursts bursts(Actor actor, String slug, Language language, int hours) {
        var heading = organizers.statement(actor, slug, language);
        var since = since(hours);
        var statement = heading.statement().id();
        var networks = bursts.networks(statement, since, LEAST, GROUPS).stream()
                .map(g -> new Burst(Source.NETWORK, g.key(), label(g.key()), g.count(), g.first(), g.last()))
                .toList();
        var pending = bursts.pending(statement, since, READ_FOR_DOMAINS + 1);
        var domains = domains(pending.subList(0, Math.min(READ_FOR_DOMAINS, pending.size())));
        return new Bursts(heading, hours, networks, domains, pending.size() > READ_FOR_DOMAINS);
    }

    /** One group as it is now (to confirm discarding it); not found when none of its sign-ons is unconfirmed any more. */
    @Transactional(readOnly = true)
    public Burst burst(Actor actor, String slug, Language language, Source source, String key, int hours) {
        var found = bursts(actor, slug, language, hours);
        return (source == Source.NETWORK ? found.networks() : found.domains())
                .stream()
                        .filter(b -> b.key().equals(key))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("signons.suspicious.gone"));
    }

    /**
     * Deletes every unconfirmed sign-on of the group sent in the last {@code hours} and stops their letters not sent
     * yet; sign-ons confirmed meanwhile stay. Returns how many were discarded.
     */
    @Transactional
    public int discard(Actor actor, String slug, Source source, String key, int hours) {
        var heading = organizers.statement(actor, slug, Language.ENGLISH);
        var statement = heading.statement();
        var since = since(hours);
        var tokens = source == Source.NETWORK
                ? bursts.discardNetwork(statement.id(), key, since)
                : bursts.discard(
                        statement.id(),
                        bursts.pending(statement.id(), since, READ_FOR_DOMAINS).stream()
                                .filter(p -> key.equals(domain(p)))
                                .map(SignOnBursts.Pending::id)
                                .toList());
        if (!tokens.isEmpty()) {
            mail.cancel(
                    tokens.stream().map(hash -> "signons.confirm:" + hash).toList(),
                    "the sign-on was discarded by its organizers");
            events.publishEvent(new SignOnsChangedByOrganizers(
                    statement.id(),
                    statement.issuer(),
                    SignOnsChangedByOrganizers.Change.DISCARDED,
                    tokens.size(),
                    actor.account(),
                    clock.instant()));
        }
        return tokens.size();
    }

    private Instant since(int hours) {
        if (!WINDOWS.contains(hours)) {
            throw new DomainException(400, "signons.suspicious.window-invalid");
        }
        return clock.instant().minus(Duration.ofHours(hours));
    }

    private List<Burst> domains(List<SignOnBursts.Pending> pending) {
        var groups = new LinkedHashMap<String, List<SignOnBursts.Pending>>();
        for (var p : pending) {
            var domain = domain(p);
            if (domain != null) {
                groups.computeIfAbsent(domain, d -> new ArrayList<>()).add(p);
            }
        }
        return groups.entrySet().stream()
                .filter(e -> e.getValue().size() >= LEAST)
                .sorted(Comparator.comparing((Map.Entry<String, List<SignOnBursts.Pending>> e) ->
                                -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(GROUPS)
                .map(e -> new Burst(
                        Source.DOMAIN,
                        e.getKey(),
                        e.getKey(),
                        e.getValue().size(),
                        e.getValue().getLast().at(),
                        e.getValue().getFirst().at()))
                .toList();
    }

    private String domain(SignOnBursts.Pending pending) {
        if (pending.personal() == null) {
            return null;
        }
        var email = Signer.fromJson(personalData.open(pending.personal(), Signer.COLUMN))
                .email();
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String label(String networkHash) {
        return networkHash.substring(0, Math.min(10, networkHash.length()));
    }
}
