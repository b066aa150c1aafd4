package org.chorus.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.chorus.shared.markdown.SafeHtml;
import org.chorus.statements.ListPosition;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementFilter;
import org.chorus.statements.StatementPage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Public statements as ActivityStreams: an {@code Article} (its text in the original language, every published
 * translation in {@code contentMap} and {@code nameMap}, topics as hashtags), and the activities that tell followers of
 * it: {@code Create} when it is published, {@code Update} when it is corrected, {@code Delete} when it is retracted. A
 * republication of a statement on this Chorus is an {@code Announce} of the original (the original keeps its author);
 * one of a page elsewhere is an {@code Article} of the organization that republished it, saying whose it is first.
 */
@Component
class Articles {

    /** The latest activities of an organization's outbox, and how many statements it has (at least, past a cap). */
    record Latest(long total, List<Map<String, Object>> activities) {}

    private final ReadingStatements reading;
    private final Addresses addresses;
    private final MessageSource messages;

    Articles(ReadingStatements reading, Addresses addresses, MessageSource messages) {
        this.reading = reading;
        this.addresses = addresses;
        this.messages = messages;
    }

    /** The public statement at this address as the activity that published it; empty when it is not public. */
    Optional<Map<String, Object>> published(String slug) {
        return page(slug).map(this::publication);
    }

    /** The public statement as its Article (an original's when it follows one here); empty when it is not public. */
    Optional<Map<String, Object>> object(String slug) {
        return statementsPublic(slug) ? page(slug).map(this::article) : Optional.empty();
    }

    private boolean statementsPublic(String slug) {
        return reading.publicStatement(slug).isPresent();
    }

    /** An organization's activity: its Announce of a statement it co-issues. */
    record Announced(OrganizationId organization, Map<String, Object> activity) {}

    /**
     * The Announces of a public statement by each organization that co-issues it, so their followers hear of it too;
     * none for a copy of an original here (the copy is itself an Announce).
     */
    List<Announced> announcedByCoIssuers(String slug) {
        return page(slug)
                .filter(page -> !announces(page))
                .map(page -> page.cosigners().stream()
                        .map(coIssuer -> {
                            var announce = activity(
                                    addresses.activity(
                                            coIssuer.slug(),
                                            "announce-" + page.statement().id().value()),
                                    "Announce",
                                    addresses.actor(coIssuer.slug()),
                                    coIssuer.slug());
                            announce.put(
                                    "published", page.statement().publishedAt().toString());
                            announce.put(
                                    "object",
                                    addresses.statement(page.statement().slug()));
                            return new Announced(coIssuer.id(), announce);
                        })
                        .toList())
                .orElse(List.of());
    }

    /** The public statement as an Article, for an Update; empty when it is not public or is an Announce. */
    Optional<Map<String, Object>> corrected(String slug, Instant at) {
        return page(slug).filter(p -> !announces(p)).map(page -> {
            var actor = addresses.actor(page.issuer().slug());
            var update = activity(
                    addresses.activity(
                            page.issuer().slug(),
                            "update-" + page.statement().id().value() + "-" + at.toEpochMilli()),
                    "Update",
                    actor,
                    page.issuer().slug());
            update.put("published", at.toString());
            update.put("object", article(page));
            return update;
        });
    }

    /**
     * What withdraws a retracted statement at {@code address} from followers, given what published it
     * ({@code published}: its id, type, actor, object): an {@code Undo} of an {@code Announce}, else a {@code Delete}
     * of the Article, a {@code Tombstone} now.
     */
    Map<String, Object> withdrawn(String address, Map<String, Object> published) {
        var actor = (String) published.get("actor");
        var slug = addresses.slugOfActor(actor);
        var announced = "Announce".equals(published.get("type"));
        var withdrawal = activity(
                actor + "/activities/" + (announced ? "undo-" : "delete-") + Addresses.shortHash(address),
                announced ? "Undo" : "Delete",
                actor,
                slug);
        withdrawal.put(
                "object", announced ? published : Map.of("id", address, "type", "Tombstone", "formerType", "Article"));
        return withdrawal;
    }

    Latest latestOf(Organization organization, int limit) {
        var list = reading.list(
                new StatementFilter(organization.id(), null, null, null, null), null, ListPosition.newest());
        var activities = list.items().stream()
                .filter(item -> item.issuer() != null && item.issuer().id().equals(organization.id()))
                .limit(limit)
                .map(item -> published(item.slug()))
                .flatMap(Optional::stream)
                .toList();
        return new Latest(list.total(), activities);
    }

    private Optional<StatementPage> page(String slug) {
        try {
            var page = reading.page(null, slug, null);
            return page.statement().isPublic() && page.issuer() != null ? Optional.of(page) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean announces(StatementPage page) {
        return page.statement().followsOriginal() && page.source().isPresent();
    }

    private Map<String, Object> publication(StatementPage page) {
        var slug = page.issuer().slug();
        var actor = addresses.actor(slug);
        var id = page.statement().id().value();
        if (announces(page)) {
            var announce = activity(addresses.activity(slug, "announce-" + id), "Announce", actor, slug);
            announce.put("published", page.statement().publishedAt().toString());
            announce.put("object", addresses.statement(page.source().get().slug()));
            return announce;
        }
        var create = activity(addresses.activity(slug, "create-" + id), "Create", actor, slug);
        create.put("published", page.statement().publishedAt().toString());
        create.put("object", article(page));
        return create;
    }

    private Map<String, Object> activity(String id, String type, String actor, String slug) {
        var activity = new LinkedHashMap<String, Object>();
        activity.put("@context", ActorDocuments.CONTEXT);
        activity.put("id", id);
        activity.put("type", type);
        activity.put("actor", actor);
        activity.put("to", List.of(Activities.PUBLIC));
        activity.put("cc", List.of(addresses.followers(slug)));
        return activity;
    }

    /** The statement as an Article: what Mastodon shows as a link with its title, Mobilizon and others in full. */
    Map<String, Object> article(StatementPage page) {
        var statement = page.statement();
        var slug = page.issuer().slug();
        var original = page.translations().stream()
                .filter(t -> t.language().equals(statement.originalLanguage()))
                .findFirst()
                .orElse(page.text());
        var article = new LinkedHashMap<String, Object>();
        article.put("id", addresses.statement(statement.slug()));
        article.put("type", "Article");
        var authors = new ArrayList<String>();
        authors.add(addresses.actor(slug));
        page.cosigners().forEach(o -> authors.add(addresses.actor(o.slug())));
        article.put("attributedTo", authors.size() == 1 ? authors.get(0) : authors);
        article.put("name", original.title());
        if (original.subtitle() != null && !original.subtitle().isBlank()) {
            article.put("summary", HtmlUtils.htmlEscape(original.subtitle()));
        }
        var content = new LinkedHashMap<String, String>();
        var names = new LinkedHashMap<String, String>();
        for (var text : page.translations()) {
            if (text.published() || text.language().equals(statement.originalLanguage())) {
                content.put(text.language(), body(page, text.language(), text.bodyHtml()));
                names.put(text.language(), text.title());
            }
        }
        article.put("content", content.get(original.language()));
        article.put("contentMap", content);
        article.put("nameMap", names);
        article.put("mediaType", "text/html");
        article.put("url", addresses.statement(statement.slug()));
        article.put("published", statement.publishedAt().toString());
        if (statement.correctedAt() != null) {
            article.put("updated", statement.correctedAt().toString());
        }
        article.put("to", List.of(Activities.PUBLIC));
        article.put("cc", List.of(addresses.followers(slug)));
        if (statement.commentsEnabled()) {
            article.put("replies", addresses.statement(statement.slug()) + "#comments");
        }
        article.put(
                "tag",
                statement.topics().stream()
                        .map(topic -> Map.of(
                                "type",
                                "Hashtag",
                                "name",
                                "#" + hashtag(topic),
                                "href",
                                addresses.link("/statements?topic=" + topic)))
                        .toList());
        return article;
    }

    /** The text as HTML with images at Chorus's address; a republication of a page elsewhere says whose it is first. */
    private String body(StatementPage page, String language, String html) {
        var body = new SafeHtml(html).withAbsoluteImages(addresses.link("")).html();
        var republication = page.statement().republication();
        if (republication == null || republication.url() == null) {
            return body;
        }
        var from = republication.publisher() == null ? republication.url() : republication.publisher();
        var says = new Messages(
                        messages,
                        Language.byTag(language).orElse(Language.DEFAULT).locale())
                .t(
                        "federation.republishes",
                        HtmlUtils.htmlEscape(page.issuer().name()),
                        HtmlUtils.htmlEscape(republication.url()),
                        HtmlUtils.htmlEscape(from));
        return "<p>" + says + "</p>" + body;
    }

    /** A topic as a hashtag Mastodon links: letters, digits and underscores ({@code climate-justice} → {@code climate_justice}). */
    static String hashtag(String topic) {
        return topic.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_]+", "_")
                .replaceAll("^_+|_+$", "");
    }
}
