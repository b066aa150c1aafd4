package org.chorus.statements.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.markdown.SafeHtml;
import org.chorus.shared.web.RequiresScope;
import org.chorus.statements.DatePrecision;
import org.chorus.statements.ListPosition;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementPage;
import org.chorus.statements.StatementQuery;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public statements, read-only: the same filters as the pages, and each statement with its texts and signatures. A
 * statement's date is its date of issue ({@code issuedOn}, to the day or the month); {@code publishedAt} is the moment
 * it went online here (decision 0017).
 */
@RestController
class StatementsApi {

    /** A statement in a list. */
    public record StatementItem(
            String slug,
            String url,
            String language,
            String title,
            String subtitle,
            String excerpt,
            String issuer,
            List<String> topics,
            @Schema(description = ISSUED_ON) LocalDate issuedOn,
            @Schema(description = ISSUED_PRECISION) DatePrecision issuedPrecision,
            @Schema(description = PUBLISHED_AT) Instant publishedAt,
            Instant updatedAt,

            @Schema(description = "always false: retracted statements leave lists (their address stays)")
            boolean retracted,

            boolean republished) {}

    static final String ISSUED_ON = "the date of issue, which lists are ordered and filtered by: the date the issuer "
            + "gave, else the day it went online; the first day of the month when issuedPrecision is MONTH";
    static final String ISSUED_PRECISION =
            "DAY when the day of issue is known, MONTH when only the month is (\"February 2024\")";
    static final String PUBLISHED_AT = "the moment the statement went online on this Chorus (for an import, on the "
            + "site it came from); null before it is public";

    /**
     * One page of statements; {@code next} is the address of the page of older statements and {@code nextCursor} its
     * cursor, when there is one (the same address is in the {@code Link} header, rel="next").
     */
    public record StatementItems(
            List<StatementItem> items,

            @Schema(description = "the page number when the request gave one (?page=), else null")
            Integer page,

            @Schema(description = "the number of pages when the total is exact, else null")
            Integer pages,

            @Schema(description = TOTAL) long total,

            @Schema(description = "true when there are more statements than total (lists count up to 1,000)")
            boolean totalIsAtLeast,

            @Schema(description = "the cursor of the page of older statements, for ?after=; null on the last page")
            String nextCursor,

            @Schema(description = "the address of the page of older statements; null on the last page")
            String next,

            @Schema(description = "the address of the page of newer statements; null on the newest page")
            String previous) {}

    static final String TOTAL = "how many statements the list has, counted up to 1,000: when totalIsAtLeast is true, "
            + "there are more than that";

    /**
     * A text of a statement: the original or a published translation. HTML is sanitized; in both, images from other
     * websites are replaced by their alt text and Chorus's own are at their full address in the HTML.
     */
    public record Text(
            String language,
            boolean original,
            String title,
            String subtitle,
            String markdown,
            String html,
            String translator) {}

    /** A signatory. */
    public record Signature(String name, String role, String organization) {}

    /** Where a republished statement first appeared. */
    public record Source(
            String url,
            String title,
            String publisher,
            LocalDate publishedOn,
            List<String> publisherCoIssuers,

            @Schema(description = "the republisher's own words above the text, Markdown; empty for none")
            String introduction) {}

    /** A statement with everything a page shows. */
    public record StatementDetail(
            String slug,
            String url,
            String status,
            String issuer,
            List<String> coIssuers,
            @Schema(description = ISSUED_ON) LocalDate issuedOn,
            @Schema(description = ISSUED_PRECISION) DatePrecision issuedPrecision,
            String place,
            List<String> topics,
            @Schema(description = PUBLISHED_AT) Instant publishedAt,
            Instant correctedAt,
            Instant retractedAt,
            String retractionNote,
            List<Text> texts,
            List<Signature> signatories,
            Source source,
            List<String> republishedBy) {}

    private final ReadingStatements reading;
    private final ChorusProperties settings;

    private final org.chorus.statements.WritingStatements writing;
    private final org.chorus.statements.ReviewingStatements reviewing;
    private final org.chorus.organizations.CoalitionDirectory directory;
    private final org.chorus.organizations.OrganizationPermissions permissions;
    private final org.chorus.shared.web.IdempotentCreates idempotent;

    StatementsApi(
            ReadingStatements reading,
            ChorusProperties settings,
            org.chorus.statements.WritingStatements writing,
            org.chorus.statements.ReviewingStatements reviewing,
            org.chorus.organizations.CoalitionDirectory directory,
            org.chorus.organizations.OrganizationPermissions permissions,
            org.chorus.shared.web.IdempotentCreates idempotent) {
        this.writing = writing;
        this.reviewing = reviewing;
        this.directory = directory;
        this.permissions = permissions;
        this.idempotent = idempotent;
        this.reading = reading;
        this.settings = settings;
    }

    @GetMapping("/api/v1/statements")
    @Operation(
            summary = "Public statements, newest date of issue first, 20 a page",
            description = "Retracted statements are left out; a statement republished by other organizations appears "
                    + "once, as its original, unless the list is of one organization, which includes its "
                    + "republications. Pages are addressed by cursor: follow `next` (or the `Link` header, "
                    + "rel=\"next\") for older statements and `previous` for newer ones; a cursor stays valid while "
                    + "statements are published. `page` numbers (1 to 50) still work for old links.")
    @Parameter(name = "organization", in = ParameterIn.QUERY, description = "organization slug (issuer or co-issuer)")
    @Parameter(name = "topic", in = ParameterIn.QUERY, description = "a topic")
    @Parameter(
            name = "language",
            in = ParameterIn.QUERY,
            description = "only statements with a published text in this language, shown in it")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "issued on or after, yyyy-mm-dd (a statement dated to the month matches any day of it)")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "issued on or before, yyyy-mm-dd")
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "a cursor (nextCursor of a page): the page of statements older than it")
    @Parameter(
            name = "before",
            in = ParameterIn.QUERY,
            description = "a cursor: the page of statements newer than it (the previous link gives one)")
    @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "deprecated: a page number, 1 to 50, for links made before cursors; prefer after")
    @Parameter(
            name = org.chorus.shared.web.SparseFields.PARAMETER,
            in = ParameterIn.QUERY,
            description = org.chorus.shared.web.SparseFields.DESCRIPTION,
            schema = @Schema(type = "string"))
    @org.chorus.shared.web.SparseFields
    ResponseEntity<StatementItems> list(
            @ParameterObject StatementQuery.Parameters parameters,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer page) {
        var query = reading.query(parameters);
        var list = reading.list(query.filter(), query.languageOr("en"), ListPosition.of(after, before, page));
        var items = list.items().stream()
                .map(s -> new StatementItem(
                        s.slug(),
                        "/s/" + s.slug(),
                        s.language(),
                        s.title(),
                        s.subtitle(),
                        s.excerpt(),
                        s.issuer() == null ? null : s.issuer().slug(),
                        s.topics(),
                        s.issuedOn(),
                        s.issuedPrecision(),
                        s.publishedAt(),
                        s.updatedAt(),
                        false,
                        s.republished()))
                .toList();
        var path = "/api/v1/statements";
        var next = list.hasOlder() ? query.olderHref(path, list.older()) : null;
        var previous = list.hasNewer() ? query.newerHref(path, list.newer()) : null;
        Integer pages = list.totalIsAtLeast()
                ? null
                : (int) Math.max(1, (list.total() + ReadingStatements.PAGE_SIZE - 1) / ReadingStatements.PAGE_SIZE);
        var response = ResponseEntity.ok();
        var links = new java.util.ArrayList<String>();
        if (next != null) {
            links.add("<" + next + ">; rel=\"next\"");
        }
        if (previous != null) {
            links.add("<" + previous + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(new StatementItems(
                items, list.page(), pages, list.total(), list.totalIsAtLeast(), list.older(), next, previous));
    }

    /** A statement as a client writes it: what the page's form asks, with lists as JSON has them. */
    public record NewStatement(
            @Schema(description = "ISO 639-1 code of the text's language", example = "en")
            String language,

            @Schema(example = "Clean air for every city") String title,
            String subtitle,
            @Schema(description = "Markdown") String body,

            @Schema(description = "yyyy-mm-dd, or yyyy-mm for a month; null: the day it is published")
            String issuedOn,

            @Schema(example = "Nairobi") String place,
            @Schema(description = "topic slugs or labels") List<String> topics,
            Boolean commentsEnabled,
            List<Signature> signatories) {

        org.chorus.statements.StatementDraft draft() {
            return new org.chorus.statements.StatementDraft(
                    language == null ? "" : language,
                    title == null ? "" : title,
                    subtitle,
                    body == null ? "" : body,
                    issuedOn,
                    place,
                    topics == null ? "" : String.join(", ", topics),
                    !Boolean.FALSE.equals(commentsEnabled),
                    List.of(),
                    signatories == null
                            ? List.of()
                            : signatories.stream()
                                    .map(x -> new org.chorus.statements.Signatory(x.name(), x.role(), x.organization()))
                                    .toList());
        }
    }

    @PostMapping("/api/v1/organizations/{slug}/statements")
    @RequiresScope("write:statements")
    @Operation(
            summary = "Write a statement of an organization (a draft)",
            description = "Through the same use case as the page's form: a draft of the organization, which the "
                    + "caller may write (its writers and publishers). 201 with the statement and its Location; "
                    + "publish it with POST /api/v1/statements/{slug}/publish. A field the statement does not have "
                    + "or a value of the wrong type is a 400 naming it; a broken rule a 422 with `errors` by field. "
                    + "`Idempotency-Key` as for every create. Needs the scope write:statements.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewStatement.class)))
    ResponseEntity<?> write(
            @PathVariable String slug,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = org.chorus.shared.web.IdempotentCreates.HEADER, required = false)
                    String idempotencyKey,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, NewStatement.class);
        var organization = directory.listed(slug);
        return idempotent.once(actor.account().value(), idempotencyKey, List.of(slug, asked), () -> {
            var statement = writing.draft(actor, organization.id(), asked.draft());
            return ResponseEntity.created(java.net.URI.create("/api/v1/statements/" + statement.slug()))
                    .body(detail(reading.page(actor, statement.slug(), null)));
        });
    }

    /** A change of a statement: the fields sent replace its own; a published one's correction says why. */
    public record StatementChange(
            String language,
            String title,
            String subtitle,
            @Schema(description = "Markdown") String body,
            String issuedOn,
            String place,
            List<String> topics,
            Boolean commentsEnabled,
            List<Signature> signatories,

            @Schema(description = "required to correct a published statement: the note readers see")
            String correctionNote) {}

    @PatchMapping("/api/v1/statements/{slug}")
    @RequiresScope("write:statements")
    @Operation(
            summary = "Change a draft, or correct a published statement",
            description = "The fields sent replace the statement's; those not sent stay. A draft is changed by its "
                    + "organization's writers; a published statement is corrected by its publishers, with a "
                    + "`correctionNote` readers see (followers, feeds and the fediverse hear of it). `If-Match` with "
                    + "the ETag read is required: 428 without it, 412 when it changed since. Needs the scope "
                    + "write:statements.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @Schema(implementation = StatementChange.class)))
    ResponseEntity<StatementDetail> change(
            @PathVariable String slug,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        var version = org.chorus.shared.web.Versions.required(ifMatch);
        var change = org.chorus.shared.web.JsonBodies.read(body, StatementChange.class);
        var page = reading.page(actor, slug, null);
        var s = page.statement();
        var original = page.translations().stream()
                .filter(t -> t.language().equals(s.originalLanguage()))
                .findFirst()
                .orElse(page.text());
        java.util.function.Predicate<String> sent = body::has;
        var draft = new org.chorus.statements.StatementDraft(
                sent.test("language") ? change.language() : s.originalLanguage(),
                sent.test("title") ? text(change.title()) : original.title(),
                sent.test("subtitle") ? change.subtitle() : original.subtitle(),
                sent.test("body") ? text(change.body()) : original.body(),
                sent.test("issuedOn") ? change.issuedOn() : issued(s),
                sent.test("place") ? change.place() : s.place(),
                String.join(", ", sent.test("topics") && change.topics() != null ? change.topics() : s.topics()),
                sent.test("commentsEnabled") ? !Boolean.FALSE.equals(change.commentsEnabled()) : s.commentsEnabled(),
                page.cosigners().stream().map(Organization::slug).toList(),
                sent.test("signatories")
                        ? (change.signatories() == null
                                ? List.of()
                                : change.signatories().stream()
                                        .map(x -> new org.chorus.statements.Signatory(
                                                x.name(), x.role(), x.organization()))
                                        .toList())
                        : page.signatories());
        writing.editIfUnchanged(actor, s.id(), draft, change.correctionNote(), version.orElse(null));
        return one(slug, actor);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The date of issue as the form writes it: yyyy-mm-dd, or yyyy-mm for a month; null when not set. */
    private static String issued(org.chorus.statements.Statement statement) {
        var day = statement.issuedOn();
        if (day == null) {
            return null;
        }
        return statement.issuedPrecision() == DatePrecision.MONTH
                ? day.toString().substring(0, 7)
                : day.toString();
    }

    @PostMapping("/api/v1/statements/{slug}/publish")
    @RequiresScope("write:statements")
    @Operation(
            summary = "Publish a statement, or send it for review",
            description = "A publisher of its organization publishes it now; a writer sends it to the publishers' "
                    + "review (status IN_REVIEW), as the page's buttons do. Needs the scope write:statements.")
    StatementDetail publish(@PathVariable String slug, Actor actor) {
        var statement = reading.page(actor, slug, null).statement();
        if (permissions.can(actor, statement.issuer(), org.chorus.statements.StatementPermission.PUBLISH_STATEMENTS)) {
            reviewing.approve(actor, statement.id(), null);
        } else {
            reviewing.submit(actor, statement.id());
        }
        return detail(reading.page(actor, slug, null));
    }

    /** A statement of another organization on this Chorus, republished with attribution. */
    public record NewRepublication(
            @Schema(description = "the address (slug) of a public statement on this Chorus; or give url and the rest")
            String source,

            @Schema(description = "Markdown shown above the republished text")
            String introduction,

            @Schema(description = "a statement from elsewhere on the web: where it was published")
            String url,

            @Schema(description = "who published it there") String publisher,
            @Schema(description = "yyyy-mm-dd") String publishedOn,

            @Schema(description = "its language, title, subtitle and text (Markdown), pasted: Chorus fetches nothing")
            String language,

            String title,
            String subtitle,
            String body) {}

    @PostMapping("/api/v1/organizations/{slug}/republications")
    @RequiresScope("write:statements")
    @Operation(
            summary = "Republish another organization's statement, with attribution",
            description = "As the republish pages: a statement here (`source`), or one from elsewhere on the web "
                    + "(`url`, `publisher`, `publishedOn` and its pasted text; Chorus fetches nothing). Published at "
                    + "once by the organization's publishers, a draft for review by its writers; the original is "
                    + "credited and canonical. 201 with the republication. "
                    + "An unknown or non-public source is a 422 on `source`. `Idempotency-Key` as for every "
                    + "create. Needs the scope write:statements.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @Schema(implementation = NewRepublication.class)))
    ResponseEntity<?> republish(
            @PathVariable String slug,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = org.chorus.shared.web.IdempotentCreates.HEADER, required = false)
                    String idempotencyKey,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, NewRepublication.class);
        var organization = directory.listed(slug);
        return idempotent.once(actor.account().value(), idempotencyKey, List.of("republish", slug, asked), () -> {
            var introduction = asked.introduction() == null ? "" : asked.introduction();
            var statement = asked.url() == null || asked.url().isBlank()
                    ? writing.republish(actor, organization.id(), asked.source(), introduction)
                    : writing.republishFromUrl(
                            actor,
                            organization.id(),
                            asked.url(),
                            asked.publisher(),
                            date("publishedOn", asked.publishedOn()),
                            introduction,
                            new org.chorus.statements.StatementDraft(
                                    asked.language(),
                                    asked.title(),
                                    asked.subtitle(),
                                    asked.body(),
                                    null,
                                    null,
                                    null,
                                    false,
                                    List.of(),
                                    List.of()));
            return ResponseEntity.created(java.net.URI.create("/api/v1/statements/" + statement.slug()))
                    .body(detail(reading.page(actor, statement.slug(), null)));
        });
    }

    /** A date as a client sends it, yyyy-mm-dd; null when not given; a 422 on the field otherwise. */
    private static LocalDate date(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.chorus.shared.InvalidField(field, "statement.api.date-invalid");
        }
    }

    /** A statement's words in another language, as its translator writes them. */
    public record Translation(
            String title,
            String subtitle,
            @Schema(description = "Markdown") String body,
            @Schema(description = "credited under the text") String translator,

            @Schema(description = "publish it at once (its publishers); false or absent: a draft")
            Boolean publish) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/statements/{slug}/translations/{language}")
    @RequiresScope("write:statements")
    @Operation(
            summary = "Add or change a statement's translation (its writers; publishing it, its publishers)",
            description = "As the translation page: a draft unless `publish` is true, which needs a publisher; a "
                    + "draft never replaces a translation readers see (409). Not the original's language (422). "
                    + "Needs the scope write:statements.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Translation.class)))
    StatementDetail translate(
            @PathVariable String slug,
            @PathVariable String language,
            @RequestBody tools.jackson.databind.JsonNode body,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Translation.class);
        var statement = reading.page(actor, slug, null).statement();
        writing.translate(
                actor,
                statement.id(),
                language,
                asked.title(),
                asked.subtitle(),
                asked.body(),
                asked.translator(),
                Boolean.TRUE.equals(asked.publish()));
        return detail(reading.page(actor, slug, null));
    }

    /** Why a statement is retracted, as its publishers say it. */
    public record Retraction(
            @Schema(description = "shown where the statement was")
            String note) {}

    @PostMapping("/api/v1/statements/{slug}/retract")
    @RequiresScope("write:statements")
    @Operation(
            summary = "Retract a published statement, saying why (its organization's publishers)",
            description = "As the page's button: it leaves the lists, feeds and search, its address says it was "
                    + "retracted with the note, and followers, federation and webhooks hear of it. Chorus deletes no "
                    + "statement. Needs the scope write:statements.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Retraction.class)))
    StatementDetail retract(@PathVariable String slug, @RequestBody tools.jackson.databind.JsonNode body, Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Retraction.class);
        var statement = reading.page(actor, slug, null).statement();
        reviewing.retract(actor, statement.id(), asked.note() == null ? "" : asked.note());
        return detail(reading.page(actor, slug, null));
    }

    @GetMapping("/api/v1/statements/{slug}")
    @Operation(
            summary = "One statement with its texts, signatories and attribution",
            description = "A public statement; with a token that may read, its organization's writers also get its "
                    + "drafts and the statements in review.")
    ResponseEntity<StatementDetail> one(@PathVariable String slug, @Nullable @Parameter(hidden = true) Actor viewer) {
        var page = reading.page(viewer, slug, null);
        var answer = ResponseEntity.ok();
        if (!page.statement().isPublic()) {
            answer.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate());
        }
        return answer.eTag(org.chorus.shared.web.Versions.etag(page.statement().updatedAt()))
                .body(detail(page));
    }

    private StatementDetail detail(StatementPage page) {
        var s = page.statement();
        var texts = page.translations().stream()
                .map(t -> new Text(
                        t.language(),
                        t.language().equals(s.originalLanguage()),
                        t.title(),
                        t.subtitle(),
                        Markdown.withoutRemoteImages(t.body()),
                        new SafeHtml(t.bodyHtml())
                                .withAbsoluteImages(settings.link(""))
                                .html(),
                        t.translator()))
                .toList();
        var r = s.republication();
        return new StatementDetail(
                s.slug(),
                "/s/" + s.slug(),
                s.status().name(),
                page.issuer() == null ? null : page.issuer().slug(),
                page.cosigners().stream().map(Organization::slug).toList(),
                s.issuedOn(),
                s.issuedPrecision(),
                s.place(),
                s.topics(),
                s.publishedAt(),
                s.correctedAt(),
                s.retractedAt(),
                s.retractionNote(),
                texts,
                page.signatories().stream()
                        .map(x -> new Signature(x.name(), x.roleTitle(), x.organization()))
                        .toList(),
                r == null
                        ? null
                        : new Source(
                                page.source().map(src -> "/s/" + src.slug()).orElse(r.url()),
                                r.title(),
                                r.publisher(),
                                r.publishedOn(),
                                page.sourceCosigners().stream()
                                        .map(Organization::slug)
                                        .toList(),
                                r.introduction() == null ? "" : r.introduction()),
                page.republishers().stream().map(x -> x.organization().slug()).toList());
    }
}
