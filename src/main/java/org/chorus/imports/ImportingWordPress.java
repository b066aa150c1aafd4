package org.chorus.imports;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.statements.Signatory;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.StatementPermission;
import org.chorus.statements.WritingStatements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization brings in its WordPress site from a WXR export: published posts become published statements with
 * their dates, drafts become drafts, categories and tags become topics, the author signs, comments come along with
 * their moderation status. Importing the same export
 * again creates nothing twice. The whole import is one transaction: a failure leaves nothing half-imported.
 */
@Service
public class ImportingWordPress {

    private final WritingStatements writing;
    private final org.chorus.comments.Commenting commenting;
    private final OrganizationPermissions permissions;
    private final ImportedItems imported;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ImportingWordPress(
            WritingStatements writing,
            org.chorus.comments.Commenting commenting,
            OrganizationPermissions permissions,
            ImportedItems imported,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.writing = writing;
        this.commenting = commenting;
        this.permissions = permissions;
        this.imported = imported;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importExport(Actor actor, OrganizationId organization, InputStream export, String language) {
        permissions.require(actor, organization, StatementPermission.PUBLISH_STATEMENTS);
        var wxr = WxrParser.parse(export);
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
        var skipped = new ArrayList<>(wxr.skipped());
        for (var post : wxr.posts()) {
            var label = "'" + (post.title().isBlank() ? "(untitled)" : post.title()) + "' (id " + post.wpId() + ")";
            if (!"post".equals(post.type())) {
                skipped.add(post.type() + " " + label + ": only posts become statements");
                continue;
            }
            var status = post.status() == null ? "draft" : post.status().toLowerCase(Locale.ROOT);
            if (status.equals("trash")
                    || status.equals("private")
                    || status.equals("auto-draft")
                    || status.equals("inherit")) {
                skipped.add("post " + label + ": status " + status);
                continue;
            }
            var sourceId = Long.toString(post.wpId());
            if (already.contains(sourceId)) {
                duplicates++;
                continue;
            }
            if (post.content() == null || post.content().isBlank()) {
                skipped.add("post " + label + ": empty");
                continue;
            }
            var topics = new ArrayList<String>(post.categories());
            topics.addAll(post.tags());
            var author = authors.getOrDefault(post.authorLogin(), post.authorLogin());
            var draft = new StatementDraft(
                    language,
                    post.title().isBlank() ? "(untitled)" : post.title(),
                    "",
                    post.content(),
                    null,
                    null,
                    String.join(", ", topics.stream().limit(10).toList()),
                    false,
                    List.of(),
                    author == null || author.isBlank() ? List.of() : List.of(new Signatory(author, "", "")));
            boolean publish = status.equals("publish");
            try {
                draft.checked();
            } catch (DomainException invalid) {
                skipped.add("post " + label + ": " + invalid.messageKey());
                continue;
            }
            org.chorus.statements.Statement statement;
            try {
                statement = writing.importStatement(actor, organization, draft, post.publishedAt(), publish);
                imported.remember(organization, site, sourceId, statement.id().value(), clock.instant());
            } catch (DomainException refused) {
                skipped.add("post " + label + ": " + refused.messageKey());
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
     * joins the top-level comment, as Chorus threads are one level deep. Comment text is kept as plain text.
     */
    private int importComments(
            Actor actor, org.chorus.statements.Statement statement, WxrPost post, List<String> skipped) {
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
                skipped.add("comment " + c.wpId() + " on '" + post.title() + "': in the trash");
                continue;
            }
            long top = c.parentWpId() != 0 && topOf.containsKey(c.parentWpId()) ? topOf.get(c.parentWpId()) : c.wpId();
            topOf.put(c.wpId(), top);
            var parent = top == c.wpId() ? null : byWpId.get(top);
            var text = org.chorus.shared.markdown.Markdown.sanitize(c.content()).plainText();
            if (text.isBlank()) {
                skipped.add("comment " + c.wpId() + " on '" + post.title() + "': empty");
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
