package org.chorus.campaigns.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.CampaignPage;
import org.chorus.campaigns.CampaignStatus;
import org.chorus.campaigns.CampaignText;
import org.chorus.campaigns.CountingActions;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.DomainException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.markdown.SafeHtml;
import org.chorus.shared.web.RequiresScope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public campaigns, read-only (decision 0035): the published ones newest window first, a cursor at a time, and each
 * with its texts, days of action, demands, kinds, partners, related statements and the counts of its actions. Drafts
 * do not exist here; a withdrawn campaign stays readable at its address with its note, as its page does.
 */
@RestController
class CampaignsApi {

    /** A campaign in a list, with its title and summary in the language asked for when it has it. */
    public record CampaignItem(
            String slug,
            String url,

            @Schema(description = "the language of title and summary: the one asked for, else the original's")
            String language,

            String title,
            String summary,

            @Schema(description = "the slug of the organization that calls the campaign")
            String issuer,

            @Schema(description = WINDOW) LocalDate startsOn,
            @Schema(description = WINDOW) LocalDate endsOn,
            @Schema(description = DAYS) List<LocalDate> daysOfAction,
            Instant publishedAt,
            Instant updatedAt) {}

    static final String WINDOW = "a local date in the campaign's time zone (timeZone of the campaign)";
    static final String DAYS = "the days of action, local dates in order: a day of action is that date wherever an "
            + "action happens, in the action's own time zone";

    /** A page of campaigns, and where the next (older) one is. */
    public record CampaignItems(
            List<CampaignItem> items,

            @Schema(description = "the cursor of the page of older campaigns, for ?cursor=; null on the last page")
            String nextCursor,

            @Schema(description = "the address of the page of older campaigns; null on the last page")
            String next) {}

    /**
     * A campaign's words in one language. HTML is sanitized; in both, images from other websites are replaced by their
     * alt text.
     */
    public record Text(
            String language,
            boolean original,
            String title,
            String summary,
            @Schema(description = "the call, Markdown") String call,

            @Schema(description = "the call, sanitized HTML")
            String callHtml,

            @Schema(description = "the demands, in their order")
            List<String> demands) {}

    /** An organization named by the campaign. */
    public record OrganizationRef(String slug, String name, String url) {}

    /** A public statement the campaign relates to. */
    public record StatementRef(String slug, String title, String url) {}

    /** The campaign's public actions counted: cancelled ones are not counted. */
    public record Counts(
            long total,
            Map<ActionKind, Long> byKind,

            @Schema(description = "by ISO 3166 alpha-2 country code; \"\" counts online actions")
            Map<String, Long> byCountry) {}

    /** A campaign with everything its page shows. */
    public record CampaignDetail(
            String slug,
            String url,

            @Schema(description = "PUBLISHED, or WITHDRAWN (then withdrawnAt and withdrawalNote say when and why)")
            CampaignStatus status,

            OrganizationRef issuer,
            String originalLanguage,

            @Schema(description = "the IANA time zone of the campaign's own dates")
            String timeZone,

            @Schema(description = WINDOW) LocalDate startsOn,
            @Schema(description = WINDOW) LocalDate endsOn,
            @Schema(description = DAYS) List<LocalDate> daysOfAction,

            @Schema(description = "the kinds of action the campaign calls for")
            List<ActionKind> kinds,

            @Schema(description = "the languages the campaign can be read in, the original first")
            List<String> languages,

            @Schema(
                    description = "true when ?language= asked for a language the campaign is not translated into: "
                            + "texts then holds the original")
            boolean fallback,

            @Schema(description = "every text, or only the one in ?language= (else the original)")
            List<Text> texts,

            List<OrganizationRef> partners,
            List<StatementRef> statements,

            @Schema(description = "null for a withdrawn campaign")
            Counts actions,

            @Schema(description = "the API address of the campaign's actions")
            String actionsUrl,

            @Schema(description = "the campaign's calendar of actions (iCalendar)")
            String calendarUrl,

            Instant publishedAt,
            Instant updatedAt,
            Instant withdrawnAt,
            String withdrawalNote) {}

    private final ReadingCampaigns reading;
    private final CoalitionDirectory organizations;
    private final ObjectProvider<CountingActions> counting;
    private final ChorusProperties settings;

    private final org.chorus.campaigns.WritingCampaigns writing;
    private final org.chorus.shared.web.IdempotentCreates idempotent;

    CampaignsApi(
            ReadingCampaigns reading,
            CoalitionDirectory organizations,
            ObjectProvider<CountingActions> counting,
            ChorusProperties settings,
            org.chorus.campaigns.WritingCampaigns writing,
            org.chorus.shared.web.IdempotentCreates idempotent) {
        this.writing = writing;
        this.idempotent = idempotent;
        this.reading = reading;
        this.organizations = organizations;
        this.counting = counting;
        this.settings = settings;
    }

    @GetMapping("/api/v1/campaigns")
    @Operation(
            summary = "Published campaigns, newest window first, 20 a page",
            description = "Follow `next` (or the `Link` header, rel=\"next\") for older campaigns. Withdrawn campaigns "
                    + "and drafts are left out.")
    @Parameter(
            name = "organization",
            in = ParameterIn.QUERY,
            description = "only the campaigns of this organization (slug)")
    @Parameter(
            name = "language",
            in = ParameterIn.QUERY,
            description = "titles and summaries in this language (en, fr, …) where translated, else in the original's")
    @Parameter(
            name = "cursor",
            in = ParameterIn.QUERY,
            description = "a cursor (nextCursor of a page): the page of campaigns after it")
    ResponseEntity<CampaignItems> list(
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String cursor) {
        var issuer = organization == null || organization.isBlank() ? null : organizations.listed(organization.strip());
        var list = reading.list(issuer == null ? null : issuer.id(), cursor, language(language));
        var items = list.items().stream()
                .map(c -> new CampaignItem(
                        c.slug(),
                        "/c/" + c.slug(),
                        c.language(),
                        c.title(),
                        c.summary(),
                        c.issuer() == null ? null : c.issuer().slug(),
                        c.startsOn(),
                        c.endsOn(),
                        c.daysOfAction(),
                        c.publishedAt(),
                        c.updatedAt()))
                .toList();
        String next = null;
        if (list.hasOlder()) {
            var query = new StringBuilder("/api/v1/campaigns?cursor=").append(list.older());
            if (issuer != null) {
                query.append("&organization=").append(issuer.slug());
            }
            if (language != null && !language.isBlank()) {
                query.append("&language=").append(language(language));
            }
            next = query.toString();
        }
        var response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new CampaignItems(items, list.older(), next));
    }

    /** A campaign as a client writes it: what the page's form asks, with lists as JSON has them. */
    public record NewCampaign(
            @Schema(example = "en") String language,
            @Schema(example = "Climate week 2026") String title,
            String summary,

            @Schema(description = "the call to action, Markdown")
            String call,

            @Schema(description = "one demand an item") List<String> demands,

            @Schema(description = "IANA time zone of its dates", example = "Europe/Paris")
            String timeZone,

            @Schema(example = "2026-10-05") String startsOn,
            @Schema(example = "2026-10-18") String endsOn,
            @Schema(description = "yyyy-mm-dd each") List<String> daysOfAction,

            @Schema(description = "PROTEST, EDUCATIONAL, LETTER, ONLINE, OTHER")
            List<String> kinds,

            @Schema(description = "slugs of partner organizations")
            List<String> partners,

            @Schema(description = "slugs of related statements")
            List<String> statements) {

        org.chorus.campaigns.CampaignDraft draft() {
            return new org.chorus.campaigns.CampaignDraft(
                    language,
                    title,
                    summary,
                    call,
                    lines(demands),
                    timeZone,
                    startsOn,
                    endsOn,
                    daysOfAction,
                    kinds,
                    lines(partners),
                    lines(statements));
        }

        private static String lines(List<String> items) {
            return items == null ? "" : String.join("\n", items);
        }

        /** The campaign's draft with the fields a client sent ({@code sent}) replaced by these. */
        org.chorus.campaigns.CampaignDraft over(
                org.chorus.campaigns.CampaignDraft current, java.util.function.Predicate<String> sent) {
            var given = draft();
            return new org.chorus.campaigns.CampaignDraft(
                    current.language(),
                    sent.test("title") ? given.title() : current.title(),
                    sent.test("summary") ? given.summary() : current.summary(),
                    sent.test("call") ? given.call() : current.call(),
                    sent.test("demands") ? given.demands() : current.demands(),
                    sent.test("timeZone") ? given.timeZone() : current.timeZone(),
                    sent.test("startsOn") ? given.startsOn() : current.startsOn(),
                    sent.test("endsOn") ? given.endsOn() : current.endsOn(),
                    sent.test("daysOfAction") ? given.daysOfAction() : current.daysOfAction(),
                    sent.test("kinds") ? given.kinds() : current.kinds(),
                    sent.test("partners") ? given.partners() : current.partners(),
                    sent.test("statements") ? given.statements() : current.statements());
        }
    }

    @PostMapping("/api/v1/organizations/{slug}/campaigns")
    @RequiresScope("write:campaigns")
    @Operation(
            summary = "Write a campaign of an organization (a draft)",
            description = "Through the same use case as the page's form: a draft its writers see (with a token that "
                    + "may read); publish it with POST /api/v1/campaigns/{slug}/publish. 201 with the campaign and "
                    + "its Location. Unknown fields and wrong types are 400s naming them; broken rules a 422 with "
                    + "`errors` by field. `Idempotency-Key` as for every create. Needs the scope write:campaigns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewCampaign.class)))
    ResponseEntity<?> write(
            @PathVariable String slug,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = org.chorus.shared.web.IdempotentCreates.HEADER, required = false)
                    String idempotencyKey,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, NewCampaign.class);
        var organization = organizations.listed(slug);
        return idempotent.once(actor.account().value(), idempotencyKey, List.of(slug, asked), () -> {
            var campaign = writing.create(actor, organization.id(), asked.draft());
            return ResponseEntity.created(java.net.URI.create("/api/v1/campaigns/" + campaign.slug()))
                    .body(detail(reading.page(actor, campaign.slug(), null), ""));
        });
    }

    @PostMapping("/api/v1/campaigns/{slug}/publish")
    @RequiresScope("write:campaigns")
    @Operation(
            summary = "Publish a campaign",
            description = "As the page's button: its organization's publishers only. Needs the scope write:campaigns.")
    CampaignDetail publish(@PathVariable String slug, Actor actor) {
        writing.publish(actor, slug);
        return detail(reading.page(actor, slug, null), "");
    }

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/campaigns/{slug}")
    @RequiresScope("write:campaigns")
    @Operation(
            summary = "Change a campaign (its organization's writers)",
            description = "The fields sent replace the campaign's words in its original language and its plan (null "
                    + "or \"\" empties one); those not sent stay; `language` cannot change (translations are made on "
                    + "the campaign's page). Through the same use case as the page's edit: followers, calendars and "
                    + "federation hear of it. `If-Match` with the ETag read is required: 428 without it, 412 when "
                    + "the campaign changed since. Needs the scope write:campaigns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewCampaign.class)))
    ResponseEntity<CampaignDetail> change(
            @PathVariable String slug,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        var version = org.chorus.shared.web.Versions.required(ifMatch);
        var changes = org.chorus.shared.web.JsonBodies.read(body, NewCampaign.class);
        var current = org.chorus.campaigns.CampaignDraft.of(reading.page(actor, slug, null));
        if (body.has("language") && !current.language().equals(changes.language())) {
            throw new org.chorus.shared.InvalidField("language", "campaign.api.language-fixed");
        }
        writing.edit(actor, slug, changes.over(current, body::has), version.orElse(null));
        return one(slug, null, actor);
    }

    /** A campaign's words in another language. */
    public record CampaignTranslation(
            String title,
            String summary,

            @Schema(description = "the call to action, Markdown")
            String call,

            @Schema(description = "one demand an item, in the original's order")
            List<String> demands) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/campaigns/{slug}/translations/{language}")
    @RequiresScope("write:campaigns")
    @Operation(
            summary = "Add or replace a campaign's words in another language (its writers)",
            description = "As the campaign's translation page. Not the original's language (422). Needs the scope "
                    + "write:campaigns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @Schema(implementation = CampaignTranslation.class)))
    CampaignDetail translate(
            @PathVariable String slug,
            @PathVariable String language,
            @RequestBody tools.jackson.databind.JsonNode body,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, CampaignTranslation.class);
        writing.translate(
                actor,
                slug,
                language,
                asked.title(),
                asked.summary(),
                asked.call(),
                asked.demands() == null ? "" : String.join("\n", asked.demands()));
        return detail(reading.page(actor, slug, null), "");
    }

    /** Why a campaign is called off, as its owners say it. */
    public record Withdrawal(
            @Schema(description = "shown on the campaign's page")
            String note) {}

    @PostMapping("/api/v1/campaigns/{slug}/withdraw")
    @RequiresScope("write:campaigns")
    @Operation(
            summary = "Withdraw a published campaign, saying why (its publishers)",
            description = "As the page's button: the campaign stays at its address with the note; its actions leave "
                    + "the public lists. Needs the scope write:campaigns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Withdrawal.class)))
    CampaignDetail withdraw(@PathVariable String slug, @RequestBody tools.jackson.databind.JsonNode body, Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Withdrawal.class);
        writing.withdraw(actor, slug, asked.note() == null ? "" : asked.note());
        return detail(reading.page(actor, slug, null), "");
    }

    @GetMapping("/api/v1/campaigns/{slug}")
    @Operation(
            summary = "One campaign with its texts, days of action, demands, partners, statements and counts",
            description = "A public campaign; with a token that may read, its organization's writers also get its "
                    + "draft.")
    @Parameter(
            name = "language",
            in = ParameterIn.QUERY,
            description = "only the text in this language (the original's when it is not translated: fallback)")
    ResponseEntity<CampaignDetail> one(
            @PathVariable String slug,
            @RequestParam(required = false) String language,
            @Nullable @Parameter(hidden = true) Actor viewer) {
        var asked = language(language);
        CampaignPage page = reading.page(viewer, slug, asked.isEmpty() ? null : asked);
        var answer = ResponseEntity.ok();
        if (!page.campaign().isPublic()) {
            answer.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate());
        }
        return answer.eTag(org.chorus.shared.web.Versions.etag(page.campaign().updatedAt()))
                .body(detail(page, asked));
    }

    private CampaignDetail detail(CampaignPage page, String asked) {
        var campaign = page.campaign();
        var plan = campaign.plan();
        var texts = asked.isEmpty()
                ? page.translations().stream()
                        .map(t -> text(t, campaign.originalLanguage()))
                        .toList()
                : List.of(text(page.text(), campaign.originalLanguage()));
        var counts = campaign.isPublic()
                ? counting.stream()
                        .findFirst()
                        .map(c -> c.of(campaign.id()))
                        .map(c -> new Counts(c.total(), c.byKind(), c.byCountry()))
                        .orElse(null)
                : null;
        return new CampaignDetail(
                campaign.slug(),
                "/c/" + campaign.slug(),
                campaign.status(),
                reference(page.issuer()),
                campaign.originalLanguage(),
                plan.zone().getId(),
                plan.startsOn(),
                plan.endsOn(),
                plan.daysOfAction(),
                plan.kinds(),
                page.translations().stream().map(CampaignText::language).toList(),
                !asked.isEmpty() && page.fallback(),
                texts,
                page.partners().stream().map(CampaignsApi::reference).toList(),
                page.statements().stream()
                        .map(s -> new StatementRef(s.slug(), s.title(), "/s/" + s.slug()))
                        .toList(),
                counts,
                "/api/v1/actions?campaign=" + campaign.slug(),
                "/c/" + campaign.slug() + "/actions.ics",
                campaign.publishedAt(),
                campaign.updatedAt(),
                campaign.withdrawnAt(),
                campaign.withdrawalNote());
    }

    private Text text(CampaignText t, String originalLanguage) {
        return new Text(
                t.language(),
                t.language().equals(originalLanguage),
                t.title(),
                t.summary(),
                Markdown.withoutRemoteImages(t.call()),
                new SafeHtml(t.callHtml()).withAbsoluteImages(settings.link("")).html(),
                t.demands());
    }

    private static OrganizationRef reference(Organization o) {
        return o == null ? null : new OrganizationRef(o.slug(), o.name(), "/o/" + o.slug());
    }

    /** A language tag as lists take it, blank for none; anything but two or three letters is refused (400). */
    private static String language(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        var tag = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (!tag.matches("[a-z]{2,3}")) {
            throw new DomainException(400, "api.language-invalid");
        }
        return tag;
    }
}
