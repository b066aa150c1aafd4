package org.chorus.images;

import org.chorus.shared.InvalidField;

/**
 * Re-encoding for modules that keep pictures of their own (turnout photos): the same clean decoding as
 * {@link UploadingImages} (dimensions read before any pixel, nothing of the file kept but its pixels), scaled down and
 * written as JPEG.
 */
public final class Reencode {

    /** A photo as it is stored and served: a fresh JPEG with no metadata, and its size in pixels. */
    public record Photo(byte[] jpeg, int width, int height) {}

    private Reencode() {}

    /**
     * A JPEG, PNG or WebP upload as a new JPEG at most {@code maxSide} pixels on its long side; throws
     * {@link InvalidField} on {@code field} (a translated key of the images bundle) for anything else, for a picture
     * over {@link Reencoding#PHOTO_MAX_SIDE} pixels on a side, or for a damaged file.
     */
    public static Photo photo(byte[] upload, int maxSide, String field) {
        return Reencoding.photo(upload, maxSide, field);
    }
}
