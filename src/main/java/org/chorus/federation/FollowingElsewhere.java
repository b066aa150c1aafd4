package org.chorus.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.markdown.HtmlToMarkdown;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's owners and the organizations it follows on other servers ("allied organizations"): following
 * one by its handle or address, unfollowing it, reading what they publish, and republishing an article or a post as
 * a statement of their own with one click. The copy is a republication of a page elsewhere: it names the original's
 * publisher and date and links to the original as its canonical address, as a republication typed by hand does.
 */
@Service
public class FollowingElsewhere {

    /** Where a follow of another server's actor stands: waiting for its answer, accepted, or refused. */
    public enum State {
        PENDING,
        ACCEPTED,
        REJECTED;

        static State of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** An actor an organization follows, as the owners' page shows it. */
    public record Followed(String actorId, String handle, String name, String url, State state, Instant since) {}

    /** A post in an organization's feed. */
    public record Post(
            String objectId,
            String actorId,
            String handle,
            String author,
            String type,
            String name,
            String summary,
            String contentHtml,
            String language,
            String url,
            Instant published,
            Instant updated,
            Instant start,
            Instant end,
            String place,
            boolean cancelled,
            long seq) {

        /** The content as text, cut at a word near 600 characters. */
        public String excerpt() {
            var text = RepliesAsComments.text(contentHtml);
            if (text.length() <= AlliedPosts.EXCERPT) {
                return text;
            }
            var cut = text.lastIndexOf(' ', AlliedPosts.EXCERPT);
            return text.substring(0, cut < AlliedPosts.EXCERPT / 2 ? AlliedPosts.EXCERPT : cut) + " …";
        }

        /** The post's own title, or the start of its text (a Mastodon post has none). */
        public String title() {
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
            var text = RepliesAsComments.text(contentHtml).replace('\n', ' ').strip();
            if (text.length() <= 80) {
                return text;
            }
            var cut = text.lastIndexOf(' ', 80);
            return text.substring(0, cut < 40 ? 80 : cut) + " …";
        }

        /** When an event starts, in UTC, in the reader's language; "" for a post. */
        public String startsAt(java.util.Locale locale) {
            return start == null
                    ? ""
                    : java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                                    java.time.format.FormatStyle.LONG, java.time.format.FormatStyle.SHORT)
                            .withLocale(locale)
                            .format(start.atZone(java.time.ZoneOffset.UTC));
        }

        public boolean event() {
            return type.equals("Event");
        }
    }

    /** A page of a feed, and the cursor of the next one (null at the end). */
    public record Page(List<Post> posts, String next) {}

    /** The owners' page: whom the organization follows, and a page of what they published. */
    public record Allied(Organization organization, List<Followed> followed, Page feed, Set<String> republished) {

        public List<Post> posts() {
            return feed.posts();
        }
    }

    private final ManagedOrganizations managed;
    private final RemoteActors actors;
    private final RemoteFollows following;
    private final AlliedPosts posts;
    private final DomainBlocks blocks;
    private final WritingStatements writing;
    private final ReadingStatements statements;
    private final Addresses addresses;
    private final Clock clock;

    FollowingElsewhere(
            ManagedOrganizations managed,
            RemoteActors actors,
            RemoteFollows following,
            AlliedPosts posts,
            DomainBlocks blocks,
            WritingStatements writing,
            ReadingStatements statements,
            Addresses addresses,
            Clock clock) {
        this.managed = managed;
        this.actors = actors;
        this.following = following;
        this.posts = posts;
        this.blocks = blocks;
        this.writing = writing;
        this.statements = statements;
        this.addresses = addresses;
        this.clock = clock;
    }

    private Organization managed(Actor actor, String slug) {
        return managed.managed(actor, slug);
    }

    @Transactional(readOnly = true)
    public Allied allied(Actor actor, String slug, String cursor) {
        var organization = managed(actor, slug);
        return new Allied(
                organization,
                following.of(organization.id()),
                posts.feed(organization.id(), cursor),
                posts.republishedBy(organization.id()));
    }

    /**
     * Follows the actor a person named ({@code @name@host}, or the address of its page): looked up on its server,
     * then sent a Follow. 422 on the field {@code handle} when nothing answers with an actor, when it is one of this
     * site's own organizations, or when its server is blocked; 409 when the organization follows it already.
     */
    @Transactional
    public void follow(Actor actor, String slug, String typed) {
        var organization = managed(actor, slug);
        if (typed == null || typed.isBlank()) {
            throw new InvalidField("handle", "federation.follow.handle-required");
        }
        if (typed.length() > 500) {
            throw new InvalidField("handle", "federation.follow.not-found", typed.substring(0, 60) + "…");
        }
        var text = typed.strip();
        var named = text.startsWith("http") ? text : "https://" + afterAt(text);
        // one of this site's own: no request goes out for it
        var authority = authority(named);
        if (authority.equalsIgnoreCase(addresses.host())) {
            throw new InvalidField("handle", "federation.follow.local", text);
        }
        // a blocked server is not asked anything
        if (blocked(DomainBlocks.host(named), organization)) {
            throw new InvalidField("handle", "federation.follow.blocked", DomainBlocks.host(named));
        }
        var found = lookUp(text);
        if (Activities.sameOrigin(found.id(), addresses.link("/"))) {
            throw new InvalidField("handle", "federation.follow.local", text);
        }
        if (blocked(DomainBlocks.host(found.id()), organization)) {
            throw new InvalidField("handle", "federation.follow.blocked", DomainBlocks.host(found.id()));
        }
        if (!following.follow(organization, found, clock.instant())) {
            throw DomainException.conflict("federation.follow.already", typed.strip());
        }
    }

    private RemoteActor lookUp(String typed) {
        try {
            return actors.lookUp(typed);
        } catch (RemoteActors.Unknown e) {
            throw new InvalidField("handle", "federation.follow.not-found", typed.strip());
        }
    }

    /** Whether the site or the organization blocks the server (a silenced one may still be followed). */
    private boolean blocked(String host, Organization organization) {
        return blocks.of(host, organization.id()).orElse(null) == DomainBlocks.Severity.BLOCK;
    }

    /** The host (and port, when given) an address names; "" for what is not one. */
    private static String authority(String address) {
        try {
            var authority = java.net.URI.create(address).getAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String afterAt(String typed) {
        var text = typed.strip();
        var at = text.lastIndexOf('@');
        return at < 0 ? text : text.substring(at + 1);
    }

    /** Stops following; 409 when the organization did not follow the actor. */
    @Transactional
    public void unfollow(Actor actor, String slug, String actorId) {
        var organization = managed(actor, slug);
        if (!following.unfollow(organization, actorId, actors.inbox(actorId).orElse(null))) {
            throw DomainException.conflict("federation.follow.not-following");
        }
        posts.forgetUnfollowed(actorId);
    }

    /**
     * Republishes a post of the organization's feed as its own statement, with attribution and the original's
     * address: published at once by publishers, a draft for review otherwise (as any republication). A post
     * republished before is not copied again: its copy is returned. 409 for a post no longer in the organization's feed (its author deleted it, or it was unfollowed) and
     * 409 for an event (an action here has an organizer who answers for it; an event is linked, not copied).
     */
    @Transactional
    public String republish(Actor actor, String slug, String objectId) {
        var organization = managed(actor, slug);
        var post = posts.byId(objectId == null ? "" : objectId)
                .filter(p -> following.state(organization.id(), p.actorId()).orElse(null) == State.ACCEPTED)
                .orElseThrow(() -> DomainException.conflict("federation.allied.not-found"));
        if (post.type().equals("Event")) {
            throw DomainException.conflict("federation.allied.event-not-copied");
        }
        var copy = posts.republication(organization.id(), post.objectId()).flatMap(statements::slugOf);
        if (copy.isPresent()) {
            return copy.get();
        }
        // a copy since deleted (a draft thrown away) is made again
        var language = post.language() != null
                ? post.language()
                : organization.languages().isEmpty()
                        ? "en"
                        : organization.languages().get(0);
        var subtitle =
                post.type().equals("Article") && post.summary() != null ? RepliesAsComments.text(post.summary()) : null;
        var statement = writing.republishFromUrl(
                actor,
                organization.id(),
                post.url(),
                post.author() != null && !post.author().isBlank() ? post.author() : post.handle(),
                post.published().atZone(ZoneOffset.UTC).toLocalDate(),
                null,
                new StatementDraft(
                        language,
                        post.title(),
                        subtitle,
                        HtmlToMarkdown.convert(post.contentHtml()),
                        null,
                        null,
                        "",
                        true,
                        List.of(),
                        List.of()));
        posts.republished(organization.id(), post.objectId(), statement.id());
        return statement.slug();
    }
}
