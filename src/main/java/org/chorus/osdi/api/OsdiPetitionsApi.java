package org.chorus.osdi.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.signons.ListedPerson;
import org.chorus.signons.ReadingSignOns;
import org.chorus.signons.SignOnId;
import org.chorus.signons.SignOnTotals;
import org.chorus.statements.PublishedStatement;
import org.chorus.statements.ReadingStatements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OSDI petitions, signatures and people: the public statements ever opened for sign-on, with their totals; the people
 * each lists by name (approved sign-ons of people who agreed to be named, on a list whose organizers show names), as
 * signatures; and each of them as a person: the name, affiliation, title and country they agreed to show, nothing
 * more. Chorus keeps no register of people: a person here is one sign-on, and there is no list of everyone. Sign-ons
 * of organizations are counted in the totals; their list is the REST API's (/api/v1/statements/{slug}/signons).
 */
@RestController
class OsdiPetitionsApi {

    private static final String BASE = OsdiEventsApi.BASE;

    private final ReadingSignOns signOns;
    private final ReadingStatements statements;
    private final CoalitionDirectory organizations;
    private final ChorusProperties settings;

    OsdiPetitionsApi(
            ReadingSignOns signOns,
            ReadingStatements statements,
            CoalitionDirectory organizations,
            ChorusProperties settings) {
        this.signOns = signOns;
        this.statements = statements;
        this.organizations = organizations;
        this.settings = settings;
    }

    @GetMapping(
            path = BASE + "/petitions",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: the public statements opened for sign-on, newest first",
            description = "An OSDI collection of petitions (open or closed: their lists stay), with their totals as "
                    + "counted every few seconds.")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "the page, from 1")
    @Parameter(name = "per_page", in = ParameterIn.QUERY, description = "petitions a page, 1 to 100; 25 unless given")
    Map<String, Object> petitions(
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage) {
        var asked = OsdiPage.of(page, perPage);
        var all = statements.publicAmong(signOns.opened());
        var from = (int) Math.min(asked.offset(), all.size());
        var ids = all.subList(from, Math.min(all.size(), from + asked.perPage()));
        var found = statements.published(ids).stream()
                .collect(Collectors.toMap(PublishedStatement::id, Function.identity()));
        var totals = signOns.totals(ids);
        var issuers = organizations.find(found.values().stream()
                .map(PublishedStatement::issuer)
                .distinct()
                .toList());
        var items = ids.stream()
                .filter(found::containsKey)
                .map(id -> petition(
                        found.get(id), totals.get(id), issuers.get(found.get(id).issuer())))
                .toList();
        return asked.collection(settings.link(BASE + "/petitions"), Map.of(), "osdi:petitions", items, all.size());
    }

    @GetMapping(
            path = BASE + "/petitions/{slug}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: one statement opened for sign-on",
            description = "404 when the statement is not public or was never opened for sign-on.")
    Map<String, Object> petition(@PathVariable String slug) {
        var list = signOns.list(slug, null);
        var id = list.statement().statement().id();
        var published = statements.published(List.of(id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("signons.not-opened"));
        return petition(published, list.totals(), list.statement().issuer()).document();
    }

    @GetMapping(
            path = BASE + "/petitions/{slug}/signatures",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: the people a statement lists by name, newest first, 100 a page",
            description = "Approved sign-ons of people who agreed to be named, when the statement's organizers show "
                    + "names; each with its person embedded. Pages go by cursor: follow _links.next (page numbers "
                    + "would shift while people sign). chorus:people_listed counts every listed person, named or "
                    + "not.")
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "the cursor in _links.next of the page before")
    Map<String, Object> signatures(@PathVariable String slug, @RequestParam(required = false) String after) {
        var list = signOns.list(slug, null);
        var page = signOns.people(list, after);
        var items = page.items().stream().map(p -> signature(slug, p)).toList();
        var path = settings.link(BASE + "/petitions/" + slug + "/signatures");
        var collection = Hal.empty()
                .put("per_page", ReadingSignOns.PAGE_SIZE)
                .put("chorus:people_listed", list.totals().people())
                .link("self", after == null ? path : path + "?after=" + after)
                .link("next", page.next() == null ? null : path + "?after=" + page.next())
                .links("osdi:signatures", items.stream().map(Hal::self).toList())
                .link("osdi:petition", settings.link(BASE + "/petitions/" + slug));
        return collection
                .curies()
                .embed("osdi:signatures", Hal.documents(items))
                .document();
    }

    @GetMapping(
            path = BASE + "/petitions/{slug}/signatures/{id}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: one signature of a person named on the list",
            description = "404 unless the public list names them.")
    Map<String, Object> signature(@PathVariable String slug, @PathVariable String id) {
        var named = signOns.named(signOn(id))
                .filter(n -> n.statement().equals(slug))
                .orElseThrow(() -> new NotFoundException("signons.signer-not-found"));
        return signature(slug, named.person()).document();
    }

    @GetMapping(
            path = BASE + "/people/{id}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: a person named on a statement's list",
            description = "Only what they agreed to show: name, affiliation (as employer), title and country. 404 "
                    + "for anyone the public lists do not name. Never an address, email or phone.")
    Map<String, Object> person(@PathVariable String id) {
        var named = signOns.named(signOn(id)).orElseThrow(() -> new NotFoundException("signons.signer-not-found"));
        return person(named.person())
                .link("chorus:signature", settings.link(BASE + "/petitions/" + named.statement() + "/signatures/" + id))
                .document();
    }

    private Hal petition(PublishedStatement statement, SignOnTotals totals, Organization issuer) {
        var text = statement.text(statement.originalLanguage());
        var self = settings.link(BASE + "/petitions/" + statement.slug());
        var petition = Hal.of(statement.id().toString())
                .put("created_date", statement.publishedAt())
                .put("title", text.title())
                .put("summary", text.excerpt())
                .put("browser_url", settings.link("/s/" + statement.slug()));
        if (totals != null) {
            petition.put("total_signatures", totals.organizations() + totals.people())
                    .put("chorus:organizations", totals.organizations())
                    .put("chorus:countries", totals.countries())
                    .put("chorus:people", totals.people())
                    .put("chorus:who_may_sign", totals.whoMaySign().name())
                    .put("chorus:accepting", totals.accepting());
        }
        return petition.put("chorus:language", statement.originalLanguage())
                .link("self", self)
                .link("osdi:signatures", self + "/signatures")
                .link("osdi:creator", issuer == null ? null : settings.link(BASE + "/organizations/" + issuer.slug()))
                .link("chorus:signons", settings.link("/api/v1/statements/" + statement.slug() + "/signons"));
    }

    private Hal signature(String slug, ListedPerson person) {
        var id = person.id().value().toString();
        return Hal.of(id)
                .put("created_date", person.signedAt())
                .put("action_date", person.signedAt())
                .link("self", settings.link(BASE + "/petitions/" + slug + "/signatures/" + id))
                .link("osdi:petition", settings.link(BASE + "/petitions/" + slug))
                .link("osdi:person", settings.link(BASE + "/people/" + id))
                .embed("osdi:person", person(person));
    }

    private Hal person(ListedPerson person) {
        return Hal.of(person.id().value().toString())
                .put("created_date", person.signedAt())
                .put("given_name", person.name())
                .put("employer", person.affiliation())
                .put("chorus:title", person.title())
                .put(
                        "postal_addresses",
                        person.country() == null ? null : List.of(Map.of("country", person.country(), "primary", true)))
                .link("self", settings.link(BASE + "/people/" + person.id().value()));
    }

    private static SignOnId signOn(String id) {
        try {
            return new SignOnId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("signons.signer-not-found");
        }
    }
}
