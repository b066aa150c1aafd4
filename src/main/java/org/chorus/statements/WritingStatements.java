package org.chorus.statements;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.Slug;
import org.chorus.shared.markdown.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors write statements: a draft in Markdown with its details, co-issuing organizations and signatories, and
 * translations. Every save is a revision. Once published, changes are corrections, which only publishers make.
 */
@Service
public class WritingStatements {

    private final Statements statements;
    private final OrganizationPermissions permissions;
    private final CoalitionDirectory organizations;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Publication publication;
    private final Topics topics;

    WritingStatements(
            Statements statements,
            OrganizationPermissions permissions,
            CoalitionDirectory organizations,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            Publication publication,
            Topics topics) {
        this.statements = statements;
        this.topics = topics;
        this.permissions = permissions;
        this.organizations = organizations;
        this.clock = clock;
        this.events = events;
        this.publication = publication;
    }

    /** What a Markdown text will look like, sanitized exactly as it will be published. */
    public Markdown.Rendering preview(String markdown) {
        return Markdown.rendering(markdown == null ? "" : markdown);
    }

    /** Starts a statement as a draft of the issuing organization. */
    @Transactional
    public Statement draft(Actor actor, OrganizationId issuer, StatementDraft draft) {
        return draft(actor, issuer, draft, null);
    }

    /** Starts a draft at the address the writer chose ({@code slug}), or one made from its title when blank. */
    @Transactional
    public Statement draft(Actor actor, OrganizationId issuer, StatementDraft draft, String slug) {
        permissions.require(actor, issuer, StatementPermission.WRITE_STATEMENTS);
        var checked = draft.checked();
        var chosen = chosenSlug(slug);
        var now = clock.instant();
        var fresh = Statement.draft(
                StatementId.random(),
                chosen == null ? freeSlug(checked.title()) : chosen,
                issuer,
                checked.language(),
                checked.details(),
                now);
        Statement statement;
        if (chosen == null) {
            statement = insertWithFreeSlug(fresh, actor);
        } else if (statements.insert(fresh, actor.account().value())) {
            statement = fresh;
        } else {
            throw new InvalidField("slug", "statement.slug.taken", chosen);
        }
        topics.remember(draft.topicLabels(), now);
        saveText(statement, checked.language(), checked.title(), checked.subtitle(), checked.body(), null, false);
        var cosigners = cosigners(actor, issuer, checked.cosignerSlugs(), List.of());
        statements.addRevision(
                statement.id(),
                checked.language(),
                text(checked),
                false,
                null,
                actor.account().value(),
                now,
                checked.signatories(),
                cosigners);
        statements.replaceCosigners(statement.id(), cosigners);
        statements.replaceSignatories(statement.id(), checked.signatories());
        return statement;
    }

    /**
     * Saves a new version. A draft changes freely (writers); a published statement is corrected (publishers), with a
     * note readers see; in review or scheduled, it is locked until sent back.
     */
    @Transactional
    public Statement edit(Actor actor, StatementId id, StatementDraft draft, String correctionNote) {
        return edit(actor, id, draft, correctionNote, (String) null);
    }

    /**
     * The same edit, only if the statement is still as the caller read it ({@code version}: when it last changed, as
     * the API's ETag says; null for any version); 412 when it changed since. (Two edits racing past this check are
     * still told apart by the row's version: the second is refused.)
     */
    @Transactional
    public Statement editIfUnchanged(
            Actor actor, StatementId id, StatementDraft draft, String correctionNote, java.time.Instant version) {
        if (version != null && !find(id).updatedAt().equals(version)) {
            throw new DomainException(412, "statement.changed-since");
        }
        return edit(actor, id, draft, correctionNote, (String) null);
    }

    /**
     * As {@link #edit(Actor, StatementId, StatementDraft, String)}, and moves the statement to the address the writer
     * chose ({@code slug}, ignored when blank or unchanged): only before publication, since links to a public
     * statement must keep working.
     */
    @Transactional
    public Statement edit(Actor actor, StatementId id, StatementDraft draft, String correctionNote, String slug) {
        var statement = find(id);
        statement.requireOwnWords();
        var checked = draft.checked();
        var now = clock.instant();
        boolean correction = statement.editIsCorrection();
        permissions.require(
                actor,
                statement.issuer(),
                correction ? StatementPermission.PUBLISH_STATEMENTS : StatementPermission.WRITE_STATEMENTS);
        var updated = statement.edited(checked.details(), correctionNote, now);
        if (!checked.language().equals(statement.originalLanguage())) {
            throw new InvalidField("language", "statement.language.fixed");
        }
        var chosen = chosenSlug(slug);
        if (chosen != null && !chosen.equals(statement.slug())) {
            if (statement.status() != StatementStatus.DRAFT && statement.status() != StatementStatus.IN_REVIEW) {
                throw new InvalidField("slug", "statement.slug.fixed");
            }
            if (!statements.changeSlug(id, chosen)) {
                throw new InvalidField("slug", "statement.slug.taken", chosen);
            }
        }
        statements.update(updated);
        topics.remember(draft.topicLabels(), now);
        saveText(updated, checked.language(), checked.title(), checked.subtitle(), checked.body(), null, correction);
        var cosigners = cosigners(actor, statement.issuer(), checked.cosignerSlugs(), statements.cosigners(id));
        statements.addRevision(
                id,
                checked.language(),
                text(checked),
                correction,
                correction ? correctionNote.strip() : null,
                actor.account().value(),
                now,
                checked.signatories(),
                cosigners);
        statements.replaceCosigners(id, cosigners);
        statements.replaceSignatories(id, checked.signatories());
        events.publishEvent(new StatementChanged(id));
        return statements.byId(id).orElseThrow();
    }

    /**
     * Adds or changes a translation. Writers save it as a draft; a publisher may publish it at once (on a public
     * statement readers then see it). The original's language cannot be "translated".
     */
    @Transactional
    public void translate(
            Actor actor,
            StatementId id,
            String language,
            String title,
            String subtitle,
            String body,
            String translator,
            boolean publish) {
        var statement = find(id);
        permissions.require(
                actor,
                statement.issuer(),
                publish ? StatementPermission.PUBLISH_STATEMENTS : StatementPermission.WRITE_STATEMENTS);
        statement.requireOwnWords();
        statement.requireEditable();
        var draft = new StatementDraft(language, title, subtitle, body, null, null, null, false, List.of(), List.of())
                .checked();
        if (draft.language().equals(statement.originalLanguage())) {
            throw new InvalidField("language", "statement.translation.same-language");
        }
        boolean replacesPublished =
                statements.texts(id).stream().anyMatch(t -> t.language().equals(draft.language()) && t.published());
        if (!publish && replacesPublished && statement.isPublic()) {
            // a draft must never take a published translation away from readers
            throw DomainException.conflict("statement.translation.published-locked");
        }
        var credit = TextChecks.optional("translator", translator, 150, "statement.translator.too-long");
        saveText(
                statement,
                draft.language(),
                draft.title(),
                draft.subtitle(),
                draft.body(),
                credit.isEmpty() ? null : credit,
                publish);
        statements.addRevision(
                id,
                draft.language(),
                text(draft),
                publish && statement.isPublic(),
                null,
                actor.account().value(),
                clock.instant());
        events.publishEvent(new StatementChanged(id));
    }

    /**
     * An organization republishes a statement of another one on this Chorus, with attribution and an optional
     * introduction. Publishers publish it at once; writers leave it as a draft for review.
     */
    @Transactional
    public Statement republish(Actor actor, OrganizationId republisher, String sourceSlug, String introduction) {
        permissions.require(actor, republisher, StatementPermission.WRITE_STATEMENTS);
        var found = statements
                .bySlug(sourceSlug == null ? "" : sourceSlug.strip())
                .filter(Statement::isPublic)
                .orElseThrow(() -> new InvalidField("source", "statement.republish.source-not-found"));
        // a copy of a copy credits and follows the original itself
        var source = found.followsOriginal()
                ? statements
                        .byId(found.republication().sourceStatement())
                        .filter(Statement::isPublic)
                        .orElse(found)
                : found;
        if (source.issuer().equals(republisher)) {
            throw new InvalidField("source", "statement.republish.own");
        }
        var publisher = organizations.byId(source.issuer()).orElse(null);
        var original = statements.texts(source.id()).stream()
                .filter(t -> t.language().equals(source.originalLanguage()))
                .findFirst()
                .orElseThrow();
        var intro = TextChecks.optional("introduction", introduction, 5000, "statement.introduction.too-long");
        var republication = new Republication(
                source.id(),
                null,
                original.title(),
                publisher == null ? "" : publisher.name(),
                source.issuedOn() != null
                        ? source.issuedOn()
                        : source.publishedAt() == null
                                ? null
                                : source.publishedAt()
                                        .atZone(java.time.ZoneOffset.UTC)
                                        .toLocalDate(),
                intro.isEmpty() ? null : intro);
        return createRepublication(
                actor,
                republisher,
                republication,
                original.language(),
                original.title(),
                original.subtitle(),
                original.body(),
                source.topics());
    }

    /**
     * The republisher changes its own parts of a copy that follows its original: the introduction above the copy and
     * the topics it files it under. A published copy is changed by publishers only, as any published statement.
     */
    @Transactional
    public Statement changeRepublication(Actor actor, StatementId id, String introduction, String topicsTyped) {
        var statement = find(id);
        if (!statement.followsOriginal()) {
            throw DomainException.conflict("statement.republication.not-following");
        }
        statement.requireEditable();
        permissions.require(
                actor,
                statement.issuer(),
                statement.isPublic() ? StatementPermission.PUBLISH_STATEMENTS : StatementPermission.WRITE_STATEMENTS);
        var intro = TextChecks.optional("introduction", introduction, 5000, "statement.introduction.too-long");
        var topicList = StatementDraft.topicList(topicsTyped);
        var now = clock.instant();
        statements.update(statement.withOwnParts(intro.isEmpty() ? null : intro, topicList, now));
        topics.remember(StatementDraft.topicLabels(topicsTyped), now);
        events.publishEvent(new StatementChanged(id));
        return statements.byId(id).orElseThrow();
    }

    /** Republishes a statement from elsewhere on the web; its text is pasted (Chorus fetches nothing). */
    @Transactional
    public Statement republishFromUrl(
            Actor actor,
            OrganizationId republisher,
            String url,
            String publisherName,
            java.time.LocalDate publishedOn,
            String introduction,
            StatementDraft text) {
        permissions.require(actor, republisher, StatementPermission.WRITE_STATEMENTS);
        var cleanUrl = url == null ? "" : url.strip();
        if (!cleanUrl.matches("https?://[^\\s]+") || cleanUrl.length() > 500) {
            throw new InvalidField("url", "statement.republish.url-invalid");
        }
        var publisher = TextChecks.required(
                "publisher",
                publisherName,
                200,
                "statement.republish.publisher-required",
                "statement.republish.publisher-required");
        var checked = text.checked();
        var intro = TextChecks.optional("introduction", introduction, 5000, "statement.introduction.too-long");
        var republication = new Republication(
                null, cleanUrl, checked.title(), publisher, publishedOn, intro.isEmpty() ? null : intro);
        return createRepublication(
                actor,
                republisher,
                republication,
                checked.language(),
                checked.title(),
                checked.subtitle(),
                checked.body(),
                checked.topics());
    }

    private Statement createRepublication(
            Actor actor,
            OrganizationId republisher,
            Republication republication,
            String language,
            String title,
            String subtitle,
            String body,
            List<String> topics) {
        var now = clock.instant();
        boolean publishNow = permissions.can(actor, republisher, StatementPermission.PUBLISH_STATEMENTS)
                && publication.allowed(republisher);
        var statement = insertWithFreeSlug(
                Statement.republication(
                        StatementId.random(), freeSlug(title), republisher, language, republication, topics, now),
                actor);
        saveText(statement, language, title, subtitle, body, null, false);
        statements.addRevision(
                statement.id(),
                language,
                new StatementText(language, title, subtitle, body, "", null, false, now),
                false,
                null,
                actor.account().value(),
                now);
        if (republication.sourceStatement() != null) {
            // the original's date, place, signatories and translations, before the copy is published with them
            statements.followOriginal(republication.sourceStatement(), now);
            statement = statements.byId(statement.id()).orElseThrow();
        }
        if (publishNow) {
            // the approval a reviewer would give, by someone who may give it
            var approved = statement.approve(null, now);
            statements.update(approved);
            publication.publish(approved, actor.account());
        }
        events.publishEvent(new StatementChanged(statement.id()));
        return statements.byId(statement.id()).orElseThrow();
    }

    /**
     * Brings in a statement from another system (a WordPress import): published ones keep their original date and
     * are published at once, others arrive as drafts; comments are open if they were open there. Only publishers
     * import.
     */
    @Transactional
    public Statement importStatement(
            Actor actor,
            OrganizationId issuer,
            StatementDraft draft,
            java.time.Instant publishedAt,
            boolean published) {
        permissions.require(actor, issuer, StatementPermission.PUBLISH_STATEMENTS);
        if (published) {
            publication.requireAllowed(issuer);
        }
        var checked = draft.checked();
        var now = clock.instant();
        var details = checked.details();
        var statement = insertWithFreeSlug(
                Statement.imported(
                        StatementId.random(),
                        freeSlug(checked.title()),
                        issuer,
                        checked.language(),
                        details,
                        publishedAt == null ? now : publishedAt,
                        published,
                        now),
                actor);
        topics.remember(draft.topicLabels(), now);
        saveText(statement, checked.language(), checked.title(), checked.subtitle(), checked.body(), null, false);
        statements.addRevision(
                statement.id(),
                checked.language(),
                text(checked),
                false,
                null,
                actor.account().value(),
                now,
                checked.signatories(),
                List.of());
        statements.replaceSignatories(statement.id(), checked.signatories());
        if (published) {
            publication.publishImported(statement, actor.account());
        }
        events.publishEvent(new StatementChanged(statement.id()));
        return statements.byId(statement.id()).orElseThrow();
    }

    /** Two statements with the same title written at the same moment: the second takes the next free slug. */
    private Statement insertWithFreeSlug(Statement statement, Actor actor) {
        var candidate = statement;
        for (int attempt = 0; !statements.insert(candidate, actor.account().value()); attempt++) {
            if (attempt == 10) {
                throw DomainException.conflict("statement.slug-busy");
            }
            candidate = candidate.withSlug(freeSlug(candidate.slug().replaceAll("-\\d+$", "")));
        }
        return candidate;
    }

    Statement find(StatementId id) {
        return statements.byId(id).orElseThrow(() -> new NotFoundException("statement.not-found"));
    }

    private void saveText(
            Statement statement,
            String language,
            String title,
            String subtitle,
            String body,
            String translator,
            boolean published) {
        var html = Markdown.render(body);
        statements.putText(
                statement.id(),
                new StatementText(language, title, subtitle, body, html.html(), translator, published, clock.instant()),
                html.plainText());
    }

    /**
     * Co-issuers are organizations that sign with the issuer. Naming one needs the right to write for it (its writers
     * or site admins), so no organization is named without its consent; co-issuers already on the statement stay.
     */
    private List<OrganizationId> cosigners(
            Actor actor, OrganizationId issuer, List<String> slugs, List<OrganizationId> already) {
        var ids = new ArrayList<OrganizationId>();
        for (var slug : slugs) {
            if (slug == null || slug.isBlank()) {
                continue;
            }
            var organization = organizations
                    .bySlug(slug.strip())
                    .filter(Organization::active)
                    .orElseThrow(() -> new InvalidField("cosigners", "statement.cosigner.not-found", slug.strip()));
            if (!already.contains(organization.id())
                    && !permissions.can(actor, organization.id(), StatementPermission.WRITE_STATEMENTS)) {
                throw new InvalidField("cosigners", "statement.cosigner.not-allowed", organization.name());
            }
            if (!organization.id().equals(issuer) && !ids.contains(organization.id())) {
                ids.add(organization.id());
            }
        }
        return ids;
    }

    private static StatementText text(StatementDraft.Checked c) {
        return new StatementText(c.language(), c.title(), c.subtitle(), c.body(), "", null, false, null);
    }

    /** The address a writer typed, checked; null when they left it blank. */
    private String chosenSlug(String typed) {
        var slug = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (slug.isEmpty()) {
            return null;
        }
        if (!Slug.isValid(slug) || slug.length() > 70) {
            throw new InvalidField("slug", "statement.slug.invalid");
        }
        return slug;
    }

    private String freeSlug(String title) {
        var base = Slug.suggest(title, 70);
        if (base.isEmpty() || !Slug.isValid(base)) {
            base = "statement-"
                    + SecretToken.generate()
                            .value()
                            .replaceAll("[^a-zA-Z0-9]", "")
                            .toLowerCase()
                            .substring(0, 8);
        }
        var candidate = base;
        for (int n = 2; statements.slugTaken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
