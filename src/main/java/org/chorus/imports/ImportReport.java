package org.chorus.imports;

import java.util.List;

/**
 * What an import did: statements created (published and drafts) and the comments they brought (with their moderation
 * status), items skipped with the reason for each, and the attachments the export lists (their files stay where they
 * are: Chorus fetches nothing).
 */
public record ImportReport(
        String siteTitle,
        int published,
        int drafts,
        int alreadyImported,
        List<Skipped> skipped,
        int comments,
        List<WxrAttachment> attachments) {

    public int created() {
        return published + drafts;
    }

    /**
     * An item left behind, named in WordPress terms (its type, title and id; for a comment, the title of its post and
     * the comment's id), and why, as a message key with its arguments: all translated where the report is shown.
     */
    public record Skipped(
            String kind,
            // reports stored before items were named in the reader's language have only "item", their English label
            @com.fasterxml.jackson.annotation.JsonAlias("item")
            String title,

            Long wpId,
            String reason,
            List<Object> arguments) {

        /** The kinds with a name of their own in the report; any other WordPress type is named as it is. */
        private static final java.util.Set<String> NAMED = java.util.Set.of("post", "page", "comment");

        static Skipped of(WxrPost post, String reason, Object... arguments) {
            return new Skipped(post.type(), post.title().strip(), post.wpId(), reason, List.of(arguments));
        }

        static Skipped of(WxrSkipped item, String reason) {
            return new Skipped(item.type(), item.title(), item.wpId(), reason, List.of());
        }

        static Skipped comment(WxrPost post, WxrComment comment, String reason) {
            return new Skipped("comment", post.title().strip(), comment.wpId(), reason, List.of());
        }

        /**
         * The message naming the item: {@code import.item.post}, {@code .page}, {@code .comment} or {@code .other};
         * {@code .earlier} for a line of a report stored before, which has only its label.
         */
        public String itemKey() {
            if (kind == null) {
                return "import.item.earlier";
            }
            return "import.item." + (NAMED.contains(kind) ? kind : "other");
        }

        /**
         * The title (or {@code untitled}, the reader's word for a missing one, when it is blank), the id as written,
         * and WordPress's type.
         */
        public Object[] itemArguments(String untitled) {
            var named = title == null || title.isBlank() ? untitled : title;
            return new Object[] {named, wpId == null ? "" : Long.toString(wpId), kind == null ? "" : kind};
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }
}
