package org.chorus.follows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.email.Addressee;
import org.chorus.email.Mail;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.RateLimits;
import org.chorus.shared.SecretToken;
import org.chorus.shared.Slug;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReadingStatements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following by email with double opt-in: asking sends a confirmation letter (and nothing else until it is confirmed),
 * the follower changes their preferences or unsubscribes through signed links, and follows never confirmed are
 * forgotten after some days. Nothing said to the person reveals whether the address already follows.
 */
@Service
public class Following {

    static final String EMAIL_COLUMN = "follows.email";
    private static final int MAX_TRACKED = 100_000;

    private final Follows follows;
    private final PersonalData personalData;
    private final Mail mail;
    private final FollowLinks links;
    private final FollowLetters letters;
    private final CoalitionDirectory organizations;
    private final Clock clock;
    private final FollowSettings settings;
    private final RateLimits limits;
    private final ReadingStatements statements;

    private final org.chorus.campaigns.ReadingCampaigns campaigns;
    private final org.chorus.places.Gazetteer gazetteer;

    Following(
            Follows follows,
            PersonalData personalData,
            Mail mail,
            FollowLinks links,
            FollowLetters letters,
            CoalitionDirectory organizations,
            Clock clock,
            FollowSettings settings,
            ReadingStatements statements,
            org.chorus.campaigns.ReadingCampaigns campaigns,
            org.chorus.places.Gazetteer gazetteer) {
        this.campaigns = campaigns;
        this.gazetteer = gazetteer;
        this.statements = statements;
        this.follows = follows;
        this.personalData = personalData;
        this.mail = mail;
        this.links = links;
        this.letters = letters;
        this.organizations = organizations;
        this.clock = clock;
        this.settings = settings;
        this.limits = new RateLimits(Duration.ofSeconds(settings.windowSeconds()), MAX_TRACKED);
    }

    /**
     * What someone asks on the follow form.
     *
     * @param network the network address the request came from, for the rate limit
     */
    public record Request(
            String email,
            FollowTarget target,
            Language language,
            Frequency frequency,
            boolean includeChildren,
            String network) {}

    /** The target of a follow form: a listed organization. */
    public Organization organization(String slug) {
        return organizations.listed(slug);
    }

    /** The target of a follow form: a topic, as statements name them. */
    public FollowTarget topic(String topic) {
        if (!Slug.isValid(topic) || topic.length() > 40) {
            throw new NotFoundException("follows.topic.not-found");
        }
        return FollowTarget.topic(topic);
    }

    /** The target of a follow form: a published campaign, and what the campaign's page calls it. */
    public org.chorus.campaigns.PublishedCampaign campaign(String slug, Language language) {
        return campaigns.published(slug, language.tag()).orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }

    /**
     * A campaign's target as the form asks for it: everywhere (no city), or near the largest city of that name within
     * one of the distances offered. An unknown city or distance is the form's error, next to its field.
     */
    public FollowTarget campaignTarget(
            org.chorus.campaigns.PublishedCampaign campaign, String city, String kilometres) {
        if (city == null || city.isBlank()) {
            return FollowTarget.campaign(campaign.id(), campaign.slug(), null);
        }
        var found = gazetteer.suggest(city.strip(), java.util.Optional.empty(), 1);
        if (found.isEmpty()) {
            throw new InvalidField("city", "follows.city.unknown");
        }
        int km;
        try {
            km = Integer.parseInt(kilometres == null ? "" : kilometres.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField("kilometres", "follows.kilometres.invalid");
        }
        if (!FollowTarget.Near.CHOICES.contains(km)) {
            throw new InvalidField("kilometres", "follows.kilometres.invalid");
        }
        return FollowTarget.campaign(
                campaign.id(),
                campaign.slug(),
                new FollowTarget.Near(found.getFirst().id(), km));
    }

    /** Queues a confirmation letter (or, for an address that already follows, a letter saying so). */
    @Transactional
    public void follow(Request request) {
        String address;
        try {
            address = EmailAddress.check(request.email());
        } catch (DomainException invalid) {
            throw new InvalidField("email", "follows.email.invalid");
        }
        var index = personalData.emailIndex(address);
        long wait = limits.take("email:" + HexFormat.of().formatHex(index), settings.perEmail());
        if (wait == 0) {
            wait = limits.take("network:" + request.network(), settings.perNetwork());
        }
        if (wait > 0) {
            throw new DomainException(429, "follows.rate-limited", wait);
        }
        var target = request.target();
        if (target.isOrganization()
                && organizations.find(List.of(target.organization())).values().stream()
                        .noneMatch(Organization::active)) {
            throw new NotFoundException("organization.not-found");
        }
        if (target.isCampaign()
                && campaigns.published(target.campaign().slug(), null).isEmpty()) {
            throw new NotFoundException("campaign.not-found");
        }
        var language = request.language() == null ? Language.DEFAULT : request.language();
        var frequency = Frequency.chosen(target, request.frequency());
        boolean children = target.isOrganization() && request.includeChildren();
        var now = clock.instant();
        var follower = follows.follower(personalData.seal(address, EMAIL_COLUMN), index, now);
        var existing = follows.of(follower, target);
        var targetName = letters.targetName(language, target, names(target));
        if (existing.isPresent() && existing.get().status() == FollowStatus.ACTIVE) {
            var row = existing.get();
            mail.send(
                    letters.alreadyFollowing(
                            FollowLetters.language(row.language()),
                            target,
                            letters.targetName(FollowLetters.language(row.language()), target, names(target)),
                            links.preferencesUrl(row.id(), row.tokenHash())),
                    Addressee.transactional(address, null, "follows.already:" + row.id() + ":" + UUID.randomUUID()));
            return;
        }
        var token = SecretToken.generate();
        if (existing.isPresent()) {
            follows.askAgain(existing.get().id(), target, children, frequency, language.tag(), token.hash(), now);
        } else {
            follows.insert(new Follows.Row(
                    UUID.randomUUID(),
                    follower,
                    target,
                    children,
                    frequency,
                    language.tag(),
                    FollowStatus.PENDING,
                    token.hash(),
                    now,
                    null));
        }
        mail.send(
                letters.confirmation(language, target, targetName, links.confirmUrl(token)),
                Addressee.transactional(address, null, "follows.confirm:" + token.hash()));
    }

    /**
     * Someone who ticked "keep me informed by" this organization when they signed a statement, and confirmed that
     * sign-on by the link mailed to them (or signed in one click): they follow it at once, with no letter to confirm
     * (the sign-on's confirmation proved the address) and the usual unsubscribe link in every letter. An address that
     * follows it already keeps its follow; one that asked by the form and has not confirmed yet is confirmed; one that
     * unsubscribed before this consent follows again, one that unsubscribed after it does not (a repeated event finds
     * its own follow ended). Returns whether a follow began.
     */
    @Transactional
    public boolean followConsented(String email, OrganizationId organization, Language language, Instant consentedAt) {
        var address = EmailAddress.check(email);
        if (organizations.find(List.of(organization)).values().stream().noneMatch(Organization::active)) {
            return false;
        }
        var target = FollowTarget.of(organization);
        var now = clock.instant();
        var follower =
                follows.follower(personalData.seal(address, EMAIL_COLUMN), personalData.emailIndex(address), now);
        var existing = follows.of(follower, target);
        if (existing.isEmpty()) {
            var id = UUID.randomUUID();
            follows.insert(new Follows.Row(
                    id,
                    follower,
                    target,
                    false,
                    Frequency.IMMEDIATE,
                    language.tag(),
                    FollowStatus.PENDING,
                    SecretToken.generate().hash(),
                    now,
                    null));
            return follows.activate(id, now);
        }
        var row = existing.get();
        return switch (row.status()) {
            case ACTIVE -> false;
            case PENDING -> follows.activate(row.id(), now);
            case UNSUBSCRIBED -> {
                if (follows.unsubscribedAt(row.id()).orElse(now).isAfter(consentedAt)) {
                    yield false;
                }
                // a new secret: the links of the ended follow stay dead
                follows.askAgain(
                        row.id(),
                        row.target(),
                        false,
                        row.frequency(),
                        language.tag(),
                        SecretToken.generate().hash(),
                        now);
                yield follows.activate(row.id(), now);
            }
        };
    }

    /** The follow a confirmation link names, before it is confirmed. */
    @Transactional(readOnly = true)
    public Follow awaitingConfirmation(String token) {
        return view(byToken(token));
    }

    /** The person confirmed by the link in their letter: from now on they hear of new statements. */
    @Transactional
    public Follow confirm(String token) {
        var row = byToken(token);
        follows.activate(row.id(), clock.instant());
        return view(follows.byId(row.id()).orElseThrow());
    }

    /** The preferences page's address of the follow a confirmation link names. */
    @Transactional(readOnly = true)
    public String preferencesPath(String token) {
        var row = byToken(token);
        return links.preferencesPath(row.id(), row.tokenHash());
    }

    /** The follow an unsubscribe or preferences link names. */
    @Transactional(readOnly = true)
    public Follow byLink(UUID follow, String signature) {
        return view(linked(follow, signature));
    }

    /** One click in a letter (or the button of the page it opens): no more letters of this follow, queued ones too. */
    @Transactional
    public void unsubscribe(UUID follow, String signature) {
        var row = linked(follow, signature);
        follows.unsubscribe(row.id(), clock.instant());
        mail.stopList(FollowLinks.list(row.id()));
    }

    /** The follower changes how often, in which language, and (for an organization) whether with what is below it. */
    @Transactional
    public Follow changePreferences(
            UUID follow, String signature, Frequency frequency, boolean includeChildren, Language language) {
        var row = linked(follow, signature);
        if (row.status() == FollowStatus.UNSUBSCRIBED) {
            throw DomainException.conflict("follows.preferences.unsubscribed");
        }
        follows.updatePreferences(
                row.id(),
                frequency == null ? row.frequency() : Frequency.chosen(row.target(), frequency),
                row.target().isOrganization() && includeChildren,
                language == null ? row.language() : language.tag());
        return view(follows.byId(row.id()).orElseThrow());
    }

    /** Forgets follows never confirmed and follows ended long ago, and addresses left with none. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        int deleted = follows.deleteUnconfirmed(now.minus(Duration.ofDays(settings.unconfirmedDays())));
        deleted += follows.deleteUnsubscribed(now.minus(Duration.ofDays(settings.unsubscribedDays())));
        follows.deleteFollowersWithoutFollows();
        return deleted;
    }

    /**
     * For benchmarks, demo data and tests: makes these addresses active followers of an organization at once, without
     * confirmation letters, in batched inserts (100,000 take seconds). Addresses must not follow anything yet.
     */
    @Transactional
    public int seedActiveFollowers(OrganizationId organization, List<String> emails, Language language) {
        var rows = emails.stream()
                .map(EmailAddress::check)
                .map(e -> new byte[][] {personalData.seal(e, EMAIL_COLUMN), personalData.emailIndex(e)})
                .toList();
        return follows.insertActive(organization, rows, language.tag(), clock.instant());
    }

    private Follows.Row byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("follows.link.invalid");
        }
        return follows.byTokenHash(SecretToken.hash(token))
                .filter(r -> r.status() != FollowStatus.UNSUBSCRIBED)
                .orElseThrow(() -> new NotFoundException("follows.link.invalid"));
    }

    private Follows.Row linked(UUID follow, String signature) {
        return follows.byId(follow)
                .filter(r -> links.valid(r.id(), r.tokenHash(), signature))
                .orElseThrow(() -> new NotFoundException("follows.link.invalid"));
    }

    /** A topic as writers wrote it ("Loss and damage"), for pages about following it. */
    public String topicLabel(String topic) {
        return statements.topic(topic).label();
    }

    private Map<OrganizationId, Organization> names(FollowTarget target) {
        return target.isOrganization() ? organizations.find(List.of(target.organization())) : Map.of();
    }

    private Follow view(Follows.Row row) {
        var language = FollowLetters.language(row.language());
        var named = names(row.target());
        var organization =
                row.target().isOrganization() ? named.get(row.target().organization()) : null;
        String name;
        if (row.target().isOrganization()) {
            name = organization == null ? "?" : organization.name();
        } else if (row.target().isCampaign()) {
            name = letters.targetName(language, row.target(), named);
        } else {
            name = topicLabel(row.target().topic());
        }
        return new Follow(
                row.id(),
                row.target(),
                name,
                organization == null ? null : organization.slug(),
                row.frequency(),
                row.includeChildren(),
                language,
                row.status());
    }
}
