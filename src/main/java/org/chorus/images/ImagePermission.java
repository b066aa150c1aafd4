package org.chorus.images;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/**
 * What a person may do with their organization's images. Held by those who write its statements and announcements,
 * the texts the images go into.
 */
public enum ImagePermission implements Permission {
    /** Upload images and see the organization's uploads with the Markdown to paste. */
    UPLOAD_IMAGES(Holders.of(OWNER, EDITOR));

    private final Holders holders;

    ImagePermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}
