package org.chorus.images;

import java.time.Instant;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.markdown.HostedImages;

/** An image an organization's writer uploaded, as stored: re-encoded, without metadata. */
public record UploadedImage(
        ImageId id,
        OrganizationId organization,
        ImageFormat format,
        int width,
        int height,
        int size,
        String description,
        Instant uploadedAt) {

    /** Where Chorus serves it: the one form of address the Markdown renderer keeps. */
    public String path() {
        return HostedImages.PATH + id + "." + format.extension();
    }

    /** What the writer pastes into a statement or an announcement. */
    public String markdown() {
        var alt = description.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        return "![" + alt + "](" + path() + ")";
    }
}
