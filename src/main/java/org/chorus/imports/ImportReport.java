package org.chorus.imports;

import java.util.List;

/**
 * What an import did: statements created (published and drafts), items skipped with the reason for each, and the
 * attachments the export lists (their files stay where they are: Chorus fetches nothing).
 */
public record ImportReport(
        String siteTitle,
        int published,
        int drafts,
        int alreadyImported,
        List<String> skipped,
        int commentsNotImported,
        List<WxrAttachment> attachments) {

    public int created() {
        return published + drafts;
    }
}
