package org.chorus.images;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writers of an organization upload images to show in its statements and announcements; readers get them from Chorus.
 * An upload is re-encoded ({@link Reencoding}) before it is stored, so what is served is never the file that was sent.
 */
@Service
public class UploadingImages {

    /** The largest upload accepted, in bytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    static final int DESCRIPTION_MAX = 300;
    private static final int LISTED = 50;

    private final Images images;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final Clock clock;

    UploadingImages(Images images, CoalitionDirectory organizations, OrganizationPermissions permissions, Clock clock) {
        this.images = images;
        this.organizations = organizations;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The organization whose images the writer manages, if they may. */
    @Transactional(readOnly = true)
    public Organization organization(Actor actor, String slug) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), ImagePermission.UPLOAD_IMAGES);
        return organization;
    }

    /** The organization's latest uploads, newest first. */
    @Transactional(readOnly = true)
    public List<UploadedImage> of(Actor actor, String slug) {
        return images.of(organization(actor, slug).id(), LISTED);
    }

    /** One of the organization's uploads, for the page that shows what to paste. */
    @Transactional(readOnly = true)
    public Optional<UploadedImage> find(Actor actor, String slug, ImageId id) {
        var organization = organization(actor, slug);
        return images.byId(id).filter(image -> image.organization().equals(organization.id()));
    }

    /**
     * Reads at most {@link #MAX_BYTES} of the upload (a longer one is refused with 413, whatever its declared size),
     * re-encodes it and stores it for the organization.
     */
    @Transactional
    public UploadedImage upload(Actor actor, String slug, InputStream upload, String description) {
        var organization = organization(actor, slug);
        var text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_MAX) {
            throw new InvalidField("description", "image.description.too-long", DESCRIPTION_MAX);
        }
        byte[] bytes;
        try {
            bytes = upload == null ? new byte[0] : upload.readNBytes(MAX_BYTES + 1);
        } catch (IOException cut) {
            throw new InvalidField("file", "image.unreadable");
        }
        if (bytes.length == 0) {
            throw new InvalidField("file", "image.file.missing");
        }
        if (bytes.length > MAX_BYTES) {
            throw new DomainException(413, "image.too-large", MAX_BYTES / (1024 * 1024));
        }
        var clean = Reencoding.of(bytes);
        var image = new UploadedImage(
                ImageId.random(),
                organization.id(),
                clean.format(),
                clean.width(),
                clean.height(),
                clean.bytes().length,
                text,
                clock.instant());
        images.insert(image, clean.bytes(), actor.account().value());
        return image;
    }

    /**
     * An image as readers get it, by the address {@link UploadedImage#path()} gave: public to anyone who has the
     * address, which cannot be guessed (decision 0011).
     */
    @Transactional(readOnly = true)
    public Optional<ImageContent> content(UUID id, String extension) {
        return ImageFormat.byExtension(extension).flatMap(format -> images.content(new ImageId(id), format));
    }

    /** Removes every image of an organization, for when the organization itself goes. */
    @Transactional
    public int deleteAllOf(OrganizationId organization) {
        return images.deleteOf(organization);
    }
}
