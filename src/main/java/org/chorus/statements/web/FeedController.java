package org.chorus.statements.web;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chorus.shared.markdown.SafeHtml;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.chorus.statements.FeedEntryAddition;
import org.chorus.statements.ListPosition;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementQuery;
import org.chorus.statements.StatementSummary;
import org.chorus.statements.Topic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * Atom 1.0 feeds (RFC 4287) of public statements: the whole coalition, or one organization, topic or language. Entry
 * ids are the statements' permanent addresses, so they stay unique and stable. An entry is {@code published} on its
 * date of issue (decision 0017); a feed of one organization keeps its republications, the others show an original
 * once.
 */
@Controller
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ReadingStatements reading;
    private final ObjectProvider<FeedEntryAddition> additions;

    FeedController(ReadingStatements reading, ObjectProvider<FeedEntryAddition> additions) {
        this.reading = reading;
        this.additions = additions;
    }

    /**
     * A page of the feed: the newest entries, or those older ({@code after}) or newer ({@code before}) than a cursor; a
     * paged feed (RFC 5005, section 3) links to the next page (older entries), the previous one and the first.
     */
    @GetMapping("/statements.atom")
    @PublicPage(parameters = {"organization", "topic", "language", "from", "to", "after", "before"})
    @ResponseBody
    ResponseEntity<String> feed(
            StatementQuery.Parameters parameters,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            Ui ui)
            throws FeedException {
        var filters = reading.query(parameters);
        var org = filters.organization();
        var cleanTopic = filters.topic();
        var cleanLanguage = filters.language();
        var position = ListPosition.of(after, before, null);
        var list = reading.uncounted(filters.filter(), filters.languageOr(ui.lang()), position);
        var query = filters.queryString();
        var feed = new Feed("atom_1.0");
        feed.setId(ui.absolute("/statements.atom" + query));
        feed.setTitle(
                org != null
                        ? ui.t("statements.of", org.name())
                        : cleanTopic != null
                                ? ui.t("statements.title") + " — "
                                        + reading.topic(cleanTopic).label()
                                : ui.t("statements.title"));
        feed.setLanguage(cleanLanguage);
        feed.setAlternateLinks(List.of(link("alternate", "text/html", ui.absolute("/statements" + query))));
        var self = position.isNewest()
                ? "/statements.atom" + query
                : position.after() != null
                        ? filters.olderHref("/statements.atom", position.after().token())
                        : filters.newerHref(
                                "/statements.atom", position.before().token());
        var links = new ArrayList<Link>();
        links.add(link("self", "application/atom+xml", ui.absolute(self)));
        if (!position.isNewest()) {
            links.add(link("first", "application/atom+xml", ui.absolute("/statements.atom" + query)));
        }
        if (list.hasNewer()) {
            links.add(link(
                    "previous",
                    "application/atom+xml",
                    ui.absolute(filters.newerHref("/statements.atom", list.newer()))));
        }
        if (list.hasOlder()) {
            links.add(link(
                    "next", "application/atom+xml", ui.absolute(filters.olderHref("/statements.atom", list.older()))));
        }
        feed.setOtherLinks(links);
        var updated = list.items().stream()
                .map(FeedController::updated)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        feed.setUpdated(Date.from(updated));
        var author = new Person();
        author.setName("Chorus");
        feed.setAuthors(List.of(author));
        var labels =
                reading
                        .topics(list.items().stream()
                                .flatMap(item -> item.topics().stream())
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Topic::slug, Topic::label));
        var entries = new ArrayList<Entry>();
        var bodies = reading.bodies(list.items());
        var ids = list.items().stream().map(StatementSummary::id).toList();
        var added = additions.orderedStream().map(a -> a.lines(ids, ui)).toList();
        for (var item : list.items()) {
            var lines = added.stream()
                    .map(lineOf -> lineOf.get(item.id()))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            entries.add(entry(item, bodies.get(item.slug()), lines, ui, labels));
        }
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed));
    }

    private static Entry entry(
            StatementSummary item, SafeHtml body, List<String> lines, Ui ui, Map<String, String> labels) {
        var entry = new Entry();
        var url = ui.absolute("/s/" + item.slug());
        entry.setId(url);
        entry.setTitle(item.title());
        entry.setAlternateLinks(List.of(link("alternate", "text/html", url)));
        entry.setPublished(Date.from(item.issuedAt()));
        entry.setUpdated(Date.from(updated(item)));
        if (item.issuer() != null) {
            var person = new Person();
            person.setName(item.issuer().name());
            person.setUrl(ui.absolute("/o/" + item.issuer().slug()));
            entry.setAuthors(List.of(person));
        }
        var summary = new Content();
        summary.setType("text");
        summary.setValue(item.subtitle().isEmpty() ? item.excerpt() : item.subtitle() + " — " + item.excerpt());
        entry.setSummary(summary);
        if (body != null || !lines.isEmpty()) {
            // the whole text as readers see it on the page, line breaks included; images at Chorus's address; then
            // what modules above add (sign-on totals), a paragraph each
            var html = new StringBuilder(
                    body == null ? "" : body.withAbsoluteImages(ui.absolute("")).html());
            lines.forEach(line ->
                    html.append("<p>").append(HtmlUtils.htmlEscape(line)).append("</p>"));
            var content = new Content();
            content.setType("html");
            content.setValue(html.toString());
            entry.setContents(List.of(content));
        }
        // The slug is the term (what a filter takes), the label what people read.
        entry.setCategories(item.topics().stream()
                .map(slug -> {
                    var category = new Category();
                    category.setTerm(slug);
                    category.setLabel(labels.getOrDefault(slug, slug));
                    category.setScheme(ui.absolute("/statements?topic="));
                    return category;
                })
                .toList());
        return entry;
    }

    private static Instant updated(StatementSummary item) {
        return item.updatedAt().isAfter(item.issuedAt()) ? item.updatedAt() : item.issuedAt();
    }

    private static Link link(String rel, String type, String href) {
        var link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
