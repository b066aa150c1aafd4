package org.chorus.imports;

import java.util.List;

/**
 * What an import did: statements created (published and drafts) and the comments they brought (with their moderation
 * status), items skipped with the reason for each, and the
 * attachments the export lists (their files stay where they are: Chorus fetches nothing).
 */
public record ImportReport(
        String siteTitle,
        int published,
        int drafts,
        int alreadyImported,
        List<String> skipped,
        int comments,
        List<WxrAttachment> attachments) {

    public int created() {
        return published + drafts;
    }
}
