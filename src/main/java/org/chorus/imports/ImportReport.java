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
     * An item left behind: what it is in WordPress terms ({@code post 'Title' (id 12)}), and why, as a message key with
     * its arguments, translated where it is shown.
     */
    public record Skipped(String item, String reason, List<Object> arguments) {

        static Skipped of(String item, String reason, Object... arguments) {
            return new Skipped(item, reason, List.of(arguments));
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }
}
