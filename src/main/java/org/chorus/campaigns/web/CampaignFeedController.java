package org.chorus.campaigns.web;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.chorus.campaigns.CampaignSummary;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Atom 1.0 feed (RFC 4287) of published campaigns, of the whole site or one organization, newest window first.
 * Entry ids are the campaigns' permanent addresses; an entry is published when the campaign was, and its summary
 * gives the window and the days of action.
 */
@Controller
class CampaignFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ReadingCampaigns reading;
    private final CoalitionDirectory organizations;

    CampaignFeedController(ReadingCampaigns reading, CoalitionDirectory organizations) {
        this.reading = reading;
        this.organizations = organizations;
    }

    @GetMapping("/campaigns.atom")
    @PublicPage(parameters = {"organization", "after"})
    @ResponseBody
    ResponseEntity<String> feed(
            @RequestParam(required = false) String organization, @RequestParam(required = false) String after, Ui ui)
            throws FeedException {
        Organization chosen =
                organization == null || organization.isBlank() ? null : organizations.listed(organization.strip());
        var list = reading.list(chosen == null ? null : chosen.id(), after, ui.lang());
        var query = chosen == null ? "" : "?organization=" + chosen.slug();
        var feed = new Feed("atom_1.0");
        feed.setId(ui.absolute("/campaigns.atom" + query));
        feed.setTitle(chosen == null ? ui.t("campaigns.title") : ui.t("campaigns.of", chosen.name()));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", ui.absolute("/campaigns" + query))));
        var links = new ArrayList<Link>();
        links.add(link("self", "application/atom+xml", ui.absolute("/campaigns.atom" + query)));
        if (list.hasOlder()) {
            var next = "/campaigns.atom" + (query.isEmpty() ? "?" : query + "&") + "after=" + list.older();
            links.add(link("next", "application/atom+xml", ui.absolute(next)));
        }
        feed.setOtherLinks(links);
        feed.setUpdated(Date.from(list.items().stream()
                .map(CampaignSummary::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        var author = new Person();
        author.setName("Chorus");
        feed.setAuthors(List.of(author));
        feed.setEntries(list.items().stream().map(item -> entry(item, ui)).toList());
        return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed));
    }

    private static Entry entry(CampaignSummary item, Ui ui) {
        var entry = new Entry();
        var url = ui.absolute("/c/" + item.slug());
        entry.setId(url);
        entry.setTitle(item.title());
        entry.setAlternateLinks(List.of(link("alternate", "text/html", url)));
        entry.setPublished(Date.from(item.publishedAt()));
        entry.setUpdated(Date.from(item.updatedAt()));
        if (item.issuer() != null) {
            var person = new Person();
            person.setName(item.issuer().name());
            person.setUrl(ui.absolute("/o/" + item.issuer().slug()));
            entry.setAuthors(List.of(person));
        }
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(ui.locale());
        var summary = new Content();
        summary.setType("text");
        summary.setValue(ui.t("campaign.window", dates.format(item.startsOn()), dates.format(item.endsOn()))
                + " — "
                + ui.t(
                        "campaign.days-of-action.list",
                        String.join(
                                ", ",
                                item.daysOfAction().stream().map(dates::format).toList()))
                + (item.summary().isEmpty() ? "" : "\n\n" + item.summary()));
        entry.setSummary(summary);
        return entry;
    }

    private static Link link(String rel, String type, String href) {
        var link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
