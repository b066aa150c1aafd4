package org.chorus.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * What other servers read about this one and its actors: each listed organization as a {@code Group} (with the key it
 * signs with), its followers and outbox collections, WebFinger's answer for {@code acct:slug@host} (RFC 7033) and
 * NodeInfo 2.1. Pending and rejected organizations are not actors: they are not found, as on their pages.
 */
@Service
public class ActorDocuments {

    /** The context every document Chorus writes starts with: ActivityStreams, the security vocabulary, extensions. */
    static final List<Object> CONTEXT = List.of(
            "https://www.w3.org/ns/activitystreams",
            "https://w3id.org/security/v1",
            Map.of(
                    "manuallyApprovesFollowers", "as:manuallyApprovesFollowers",
                    "toot", "http://joinmastodon.org/ns#",
                    "discoverable", "toot:discoverable",
                    "Hashtag", "as:Hashtag"));

    /** The most recent activities an outbox lists (Mobilizon reads a group's outbox when it starts following it). */
    static final int OUTBOX_ITEMS = 10;

    private final CoalitionDirectory directory;
    private final ActorKeys keys;
    private final Addresses addresses;
    private final Followers followers;
    private final Articles articles;
    private final Events events;
    private final org.chorus.actions.ReadingActions actions;

    private final org.chorus.campaigns.ReadingCampaigns campaigns;

    ActorDocuments(
            CoalitionDirectory directory,
            ActorKeys keys,
            Addresses addresses,
            Followers followers,
            Articles articles,
            Events events,
            org.chorus.actions.ReadingActions actions,
            org.chorus.campaigns.ReadingCampaigns campaigns) {
        this.campaigns = campaigns;
        this.events = events;
        this.actions = actions;
        this.directory = directory;
        this.keys = keys;
        this.addresses = addresses;
        this.followers = followers;
        this.articles = articles;
    }

    /** The organization as an actor; not found unless it is listed. */
    public Map<String, Object> group(String slug) {
        var organization = directory.listed(slug);
        var id = addresses.actor(slug);
        var group = new LinkedHashMap<String, Object>();
        group.put("@context", CONTEXT);
        group.put("id", id);
        group.put("type", "Group");
        group.put("preferredUsername", slug);
        group.put("name", organization.name());
        group.put("summary", summary(organization));
        group.put("url", id);
        group.put("inbox", addresses.inbox(slug));
        group.put("outbox", addresses.outbox(slug));
        group.put("followers", addresses.followers(slug));
        group.put("endpoints", Map.of("sharedInbox", addresses.sharedInbox()));
        group.put("manuallyApprovesFollowers", followers.manuallyApproved(organization.id()));
        group.put("discoverable", true);
        group.put("published", organization.createdAt().toString());
        group.put(
                "publicKey",
                Map.of(
                        "id",
                        addresses.keyId(slug),
                        "owner",
                        id,
                        "publicKeyPem",
                        keys.of(organization.id()).publicKeyPem()));
        if (organization.website() != null && !organization.website().isBlank()) {
            group.put(
                    "attachment",
                    List.of(Map.of(
                            "type",
                            "PropertyValue",
                            "name",
                            "Website",
                            "value",
                            "<a href=\"" + HtmlUtils.htmlEscape(organization.website())
                                    + "\" rel=\"nofollow noopener\">" + HtmlUtils.htmlEscape(organization.website())
                                    + "</a>")));
        }
        return group;
    }

    private static String summary(Organization organization) {
        var html = new StringBuilder();
        organization
                .paragraphs()
                .forEach(p -> html.append("<p>")
                        .append(HtmlUtils.htmlEscape(p).replace("\n", "<br>"))
                        .append("</p>"));
        return html.toString();
    }

    /**
     * Who follows the organization, as a number only: the list of accounts is not published (an organizer's
     * followers are people others may want to find).
     */
    public Map<String, Object> followers(String slug) {
        var organization = directory.listed(slug);
        var collection = new LinkedHashMap<String, Object>();
        collection.put("@context", "https://www.w3.org/ns/activitystreams");
        collection.put("id", addresses.followers(slug));
        collection.put("type", "OrderedCollection");
        collection.put("totalItems", followers.count(organization.id()));
        return collection;
    }

    /**
     * The organization's latest public statements and campaigns, as the activities that published them, newest first:
     * a campaign is the {@code Create} of its collection of actions (which its own address serves, page by page).
     */
    public Map<String, Object> outbox(String slug) {
        var organization = directory.listed(slug);
        var latest = articles.latestOf(organization, OUTBOX_ITEMS);
        var published = campaigns.ofOrganizationPage(organization.id(), null, OUTBOX_ITEMS);
        var items = new java.util.ArrayList<Map<String, Object>>(latest.activities());
        published.forEach(campaign -> items.add(campaignCreated(slug, campaign)));
        items.sort(java.util.Comparator.comparing(
                        (Map<String, Object> activity) -> String.valueOf(activity.get("published")))
                .reversed());
        var collection = new LinkedHashMap<String, Object>();
        collection.put("@context", CONTEXT);
        collection.put("id", addresses.outbox(slug));
        collection.put("type", "OrderedCollection");
        collection.put("totalItems", latest.total() + published.size());
        collection.put("orderedItems", items.subList(0, Math.min(OUTBOX_ITEMS, items.size())));
        return collection;
    }

    private Map<String, Object> campaignCreated(String slug, org.chorus.campaigns.CampaignSummary campaign) {
        var id = addresses.link("/c/" + campaign.slug());
        var collection = new LinkedHashMap<String, Object>();
        collection.put("id", id);
        collection.put("type", "OrderedCollection");
        collection.put("name", campaign.title());
        if (campaign.summary() != null && !campaign.summary().isBlank()) {
            collection.put("summary", org.springframework.web.util.HtmlUtils.htmlEscape(campaign.summary()));
        }
        collection.put("attributedTo", addresses.actor(slug));
        collection.put("url", id);
        var create = new LinkedHashMap<String, Object>();
        create.put(
                "id",
                addresses.activity(slug, "create-campaign-" + campaign.id().value()));
        create.put("type", "Create");
        create.put("actor", addresses.actor(slug));
        create.put(
                "published",
                (campaign.publishedAt() == null ? campaign.updatedAt() : campaign.publishedAt()).toString());
        create.put("to", List.of(org.chorus.federation.activitystreams.Activities.PUBLIC));
        create.put("cc", List.of(addresses.followers(slug)));
        create.put("object", collection);
        return create;
    }

    /**
     * WebFinger's answer (a JRD) for {@code acct:slug@host}, or for an actor's address; not found for anything else,
     * another host included.
     */
    public Map<String, Object> webFinger(String resource) {
        var slug = slugOf(resource.strip()).orElseThrow(() -> new NotFoundException("federation.not-an-actor"));
        directory.listed(slug);
        var id = addresses.actor(slug);
        var jrd = new LinkedHashMap<String, Object>();
        jrd.put("subject", "acct:" + slug + "@" + addresses.host());
        jrd.put("aliases", List.of(id));
        jrd.put(
                "links",
                List.of(
                        Map.of("rel", "self", "type", "application/activity+json", "href", id),
                        Map.of("rel", "http://webfinger.net/rel/profile-page", "type", "text/html", "href", id)));
        return jrd;
    }

    private Optional<String> slugOf(String resource) {
        var address = resource.startsWith("acct:") ? resource.substring(5) : null;
        if (address == null) {
            return Optional.ofNullable(addresses.slugOfActor(resource));
        }
        if (address.startsWith("@")) {
            address = address.substring(1);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || !address.substring(at + 1).toLowerCase(Locale.ROOT).equals(addresses.host())) {
            return Optional.empty();
        }
        return Optional.of(address.substring(0, at).toLowerCase(Locale.ROOT));
    }

    /**
     * The site's own actor: an {@code Application} whose key signs Chorus's requests for other servers' documents.
     * It follows no one and is followed by no one; activities sent to it go to the shared inbox.
     */
    public Map<String, Object> instanceActor() {
        var id = addresses.instanceActor();
        var actor = new LinkedHashMap<String, Object>();
        actor.put("@context", CONTEXT);
        actor.put("id", id);
        actor.put("type", "Application");
        actor.put("preferredUsername", addresses.host());
        actor.put("name", "Chorus");
        actor.put("url", addresses.link("/"));
        actor.put("inbox", addresses.sharedInbox());
        actor.put("manuallyApprovesFollowers", true);
        actor.put(
                "publicKey",
                Map.of(
                        "id",
                        id + "#main-key",
                        "owner",
                        id,
                        "publicKeyPem",
                        keys.instance().publicKeyPem()));
        return actor;
    }

    /** A public statement as its Article; not found unless it is public. */
    public Map<String, Object> statement(String slug) {
        var article = articles.object(slug).orElseThrow(() -> new NotFoundException("statement.not-found"));
        var document = new LinkedHashMap<String, Object>();
        document.put("@context", CONTEXT);
        document.putAll(article);
        return document;
    }

    /** A public action as its Event; not found unless it is public. */
    public Map<String, Object> action(org.chorus.actions.ActionId action) {
        var event = events.of(action).orElseThrow(() -> new NotFoundException("action.not-found"));
        var document = new LinkedHashMap<String, Object>();
        document.put("@context", Events.CONTEXT);
        document.putAll(event.object());
        return document;
    }

    /**
     * A published campaign as the collection of its approved actions (the Events' ids, in the order of its list: by
     * day, then country), a page at a time: the collection itself with its first page, or the page after a cursor.
     * Each Event names its campaign in {@code context}.
     */
    public Map<String, Object> campaign(String slug, String after) {
        var page = actions.list(slug, org.chorus.actions.ActionFilter.NONE, after, null);
        var campaign = page.campaign();
        var id = addresses.link("/c/" + slug);
        var items = new LinkedHashMap<String, Object>();
        items.put("id", id + "?after=" + (after == null ? "" : after));
        items.put("type", "OrderedCollectionPage");
        items.put("partOf", id);
        items.put(
                "orderedItems",
                page.actions().stream().map(a -> events.id(a.id())).toList());
        if (page.next() != null) {
            items.put("next", id + "?after=" + page.next());
        }
        if (after != null) {
            var document = new LinkedHashMap<String, Object>();
            document.put("@context", "https://www.w3.org/ns/activitystreams");
            document.putAll(items);
            return document;
        }
        var collection = new LinkedHashMap<String, Object>();
        collection.put("@context", "https://www.w3.org/ns/activitystreams");
        collection.put("id", id);
        collection.put("type", "OrderedCollection");
        collection.put("name", campaign.title());
        directory.byId(campaign.issuer()).ifPresent(o -> collection.put("attributedTo", addresses.actor(o.slug())));
        collection.put("url", id);
        collection.put(
                "startTime",
                campaign.startsOn()
                        .atStartOfDay(campaign.zone())
                        .toOffsetDateTime()
                        .toString());
        collection.put(
                "endTime",
                campaign.endsOn()
                        .plusDays(1)
                        .atStartOfDay(campaign.zone())
                        .toOffsetDateTime()
                        .toString());
        collection.put("totalItems", actions.counts(campaign.id()).total());
        collection.put("first", items);
        return collection;
    }

    /** Where NodeInfo is: the well-known document listing the schemas served. */
    public Map<String, Object> nodeInfoLinks() {
        return Map.of(
                "links",
                List.of(Map.of(
                        "rel",
                        "http://nodeinfo.diaspora.software/ns/schema/2.1",
                        "href",
                        addresses.link("/nodeinfo/2.1"))));
    }

    /**
     * NodeInfo 2.1: what software this is and how many actors it has (its listed organizations; people's accounts are
     * not actors and are not counted).
     */
    public Map<String, Object> nodeInfo(String version) {
        var info = new LinkedHashMap<String, Object>();
        info.put("version", "2.1");
        info.put("software", Map.of("name", "chorus", "version", version, "homepage", addresses.link("/")));
        info.put("protocols", List.of("activitypub"));
        info.put("services", Map.of("inbound", List.of(), "outbound", List.of("atom1.0")));
        info.put("openRegistrations", true);
        info.put("usage", Map.of("users", Map.of("total", directory.listed().size())));
        info.put("metadata", Map.of("nodeName", "Chorus"));
        return info;
    }
}
