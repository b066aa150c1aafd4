package org.chorus.images;

import java.util.Locale;
import java.util.Optional;

/** The formats Chorus stores and serves an image in, after re-encoding: the content type comes from here only. */
public enum ImageFormat {
    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg");

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ImageFormat> byExtension(String extension) {
        for (var format : values()) {
            if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
