package org.chorus.imports;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.statements.Signatory;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.StatementPermission;
import org.chorus.statements.WritingStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization brings in its WordPress site from a WXR export: published posts and pages become published
 * statements with their dates, drafts become drafts, their HTML becomes Markdown ({@link WordPressContent}),
 * categories and tags become topics, the author signs, comments come along with their moderation status and their
 * line breaks, and stay open where WordPress had them open. Importing the same export again creates nothing twice.
 *
 * <p>The export is read whole first, so a hostile, broken, oversized or over-long one ({@link WxrParser#MAX_ITEMS})
 * is refused before anything is stored. The import itself is one transaction: a failure leaves nothing
 * half-imported. Its progress (items done of the total) is written beside it, in transactions of its own, so the
 * person who started it can follow it from any node ({@link #progress}); its report is stored with it.
 */
@Service
public class ImportingWordPress {

    private static final Logger log = LoggerFactory.getLogger(ImportingWordPress.class);

    /** Progress is written after every this many items (a post or a comment). */
    static final int PROGRESS_EVERY = 25;

    private final WritingStatements writing;
    private final org.chorus.comments.Commenting commenting;
    private final OrganizationPermissions permissions;
    private final ImportedItems imported;
    private final WordPressImports imports;
    private final PlatformTransactionManager transactions;
    private final TaskExecutor executor;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ImportingWordPress(
            WritingStatements writing,
            org.chorus.comments.Commenting commenting,
            OrganizationPermissions permissions,
            ImportedItems imported,
            WordPressImports imports,
            PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.writing = writing;
        this.commenting = commenting;
        this.permissions = permissions;
        this.imported = imported;
        this.imports = imports;
        this.transactions = transactions;
        this.executor = executor;
        this.clock = clock;
    }

    /** Reads the export and imports it before returning its report. */
    public ImportReport importExport(Actor actor, OrganizationId organization, InputStream export, String language) {
        permissions.require(actor, organization, StatementPermission.PUBLISH_STATEMENTS);
        var wxr = WxrParser.parse(export);
        return run(begin(actor, organization, wxr), actor, organization, wxr, language);
    }

    /**
     * Reads the export now (a refused file throws {@link WxrRejected} and nothing is stored), then imports it in the
     * background; returns the id under which {@link #progress} follows it.
     */
    public UUID start(Actor actor, OrganizationId organization, InputStream export, String language) {
        permissions.require(actor, organization, StatementPermission.PUBLISH_STATEMENTS);
        var wxr = WxrParser.parse(export);
        var id = begin(actor, organization, wxr);
        executor.execute(() -> {
            try {
                run(id, actor, organization, wxr, language);
            } catch (RuntimeException recordedAsFailed) {
                // its page shows why; an unexpected failure was logged by run
            }
        });
        return id;
    }

    /** How far an import of the organization has gone, for those who may import. */
    public ImportProgress progress(Actor actor, OrganizationId organization, UUID id) {
        permissions.require(actor, organization, StatementPermission.PUBLISH_STATEMENTS);
        return imports.find(id, organization, clock.instant())
                .orElseThrow(() -> new NotFoundException("import.not-found"));
    }

    private UUID begin(Actor actor, OrganizationId organization, WxrExport wxr) {
        var id = UUID.randomUUID();
        int total = wxr.posts().stream().mapToInt(p -> 1 + p.comments().size()).sum();
        apart().executeWithoutResult(s -> imports.start(id, organization, actor.account(), total, clock.instant()));
        return id;
    }

    private ImportReport run(UUID id, Actor actor, OrganizationId organization, WxrExport wxr, String language) {
        try {
            return new TransactionTemplate(transactions).execute(s -> {
                var report = importAll(id, actor, organization, wxr, language);
                imports.finish(id, report, clock.instant());
                return report;
            });
        } catch (RuntimeException e) {
            if (!(e instanceof DomainException)) {
                log.error("WordPress import {} failed and was rolled back", id, e);
            }
            var reason = e instanceof DomainException refused ? refused.messageKey() : "import.failed";
            apart().executeWithoutResult(s -> imports.fail(id, reason, clock.instant()));
            throw e;
        }
    }

    /** A transaction of its own, beside the import's: progress must be seen while the import is still running. */
    private TransactionTemplate apart() {
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    private ImportReport importAll(UUID id, Actor actor, OrganizationId organization, WxrExport wxr, String language) {
        permissions.require(actor, organization, StatementPermission.PUBLISH_STATEMENTS);
        var site = wxr.siteUrl() == null || wxr.siteUrl().isBlank()
                ? "wordpress"
                : wxr.siteUrl().strip();
        var already = imported.importedIds(organization, site);
        var authors = new java.util.HashMap<String, String>();
        wxr.authors()
                .forEach(a -> authors.put(
                        a.login(), a.displayName() == null || a.displayName().isBlank() ? a.login() : a.displayName()));

        int published = 0;
        int drafts = 0;
        int duplicates = 0;
        int comments = 0;
        int done = 0;
        int reported = 0;
        var skipped = new ArrayList<ImportReport.Skipped>();
        wxr.skipped().forEach(item -> skipped.add(ImportReport.Skipped.of(item, "import.skipped.type")));
        // posts and pages alike: a coalition's founding texts often live in pages
        for (var post : wxr.posts()) {
            done += 1 + post.comments().size();
            if (done - reported >= PROGRESS_EVERY) {
                int now = done;
                apart().executeWithoutResult(s -> imports.progress(id, now, clock.instant()));
                reported = done;
            }
            var status = post.status() == null ? "draft" : post.status().toLowerCase(Locale.ROOT);
            if (status.equals("trash")
                    || status.equals("private")
                    || status.equals("auto-draft")
                    || status.equals("inherit")) {
                skipped.add(ImportReport.Skipped.of(post, "import.skipped.status", status));
                continue;
            }
            var sourceId = Long.toString(post.wpId());
            if (already.contains(sourceId)) {
                duplicates++;
                continue;
            }
            var body = WordPressContent.markdown(post.content());
            if (body.isBlank()) {
                skipped.add(ImportReport.Skipped.of(post, "import.skipped.empty"));
                continue;
            }
            var topics = new ArrayList<String>(post.categories());
            topics.addAll(post.tags());
            var author = authors.getOrDefault(post.authorLogin(), post.authorLogin());
            var draft = new StatementDraft(
                    language,
                    post.title().isBlank() ? "(untitled)" : post.title(),
                    "",
                    body,
                    null,
                    null,
                    String.join(", ", topics.stream().limit(10).toList()),
                    post.commentsOpen(),
                    List.of(),
                    author == null || author.isBlank() ? List.of() : List.of(new Signatory(author, "", "")));
            boolean publish = status.equals("publish");
            try {
                draft.checked();
            } catch (DomainException invalid) {
                skipped.add(ImportReport.Skipped.of(post, invalid.messageKey(), invalid.arguments()));
                continue;
            }
            org.chorus.statements.Statement statement;
            try {
                statement = writing.importStatement(actor, organization, draft, post.publishedAt(), publish);
                imported.remember(organization, site, sourceId, statement.id().value(), clock.instant());
            } catch (DomainException refused) {
                skipped.add(ImportReport.Skipped.of(post, refused.messageKey(), refused.arguments()));
                continue;
            }
            comments += importComments(actor, statement, post, skipped);
            if (publish) {
                published++;
            } else {
                drafts++;
            }
        }
        events.publishEvent(
                new WordPressImported(organization, actor.account(), published + drafts, comments, clock.instant()));
        return new ImportReport(wxr.siteTitle(), published, drafts, duplicates, skipped, comments, wxr.attachments());
    }

    /**
     * Brings a post's comments over with their status (trash stays behind) and their threads: a reply to a reply
     * joins the top-level comment, as Chorus threads are one level deep. Comment text is kept as plain text, line
     * breaks included.
     */
    private int importComments(
            Actor actor, org.chorus.statements.Statement statement, WxrPost post, List<ImportReport.Skipped> skipped) {
        var byWpId = new java.util.HashMap<Long, org.chorus.comments.CommentId>();
        var topOf = new java.util.HashMap<Long, Long>();
        int count = 0;
        var ordered = post.comments().stream()
                .sorted(java.util.Comparator.comparing(
                        (WxrComment c) -> c.date() == null ? java.time.Instant.EPOCH : c.date()))
                .toList();
        for (var c : ordered) {
            var status = switch (c.status()) {
                case "approved" -> org.chorus.comments.CommentStatus.APPROVED;
                case "spam" -> org.chorus.comments.CommentStatus.SPAM;
                case "trash" -> null;
                default -> org.chorus.comments.CommentStatus.PENDING;
            };
            if (status == null) {
                skipped.add(ImportReport.Skipped.comment(post, c, "import.skipped.trash"));
                continue;
            }
            long top = c.parentWpId() != 0 && topOf.containsKey(c.parentWpId()) ? topOf.get(c.parentWpId()) : c.wpId();
            topOf.put(c.wpId(), top);
            var parent = top == c.wpId() ? null : byWpId.get(top);
            var text = WordPressContent.commentText(c.content());
            if (text.isBlank()) {
                skipped.add(ImportReport.Skipped.comment(post, c, "import.skipped.empty"));
                continue;
            }
            byWpId.put(
                    c.wpId(),
                    commenting.importComment(actor, statement, parent, c.authorName(), text, c.date(), status));
            count++;
        }
        return count;
    }
}
