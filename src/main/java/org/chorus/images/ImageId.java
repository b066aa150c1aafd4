package org.chorus.images;

import java.util.UUID;

/** An uploaded image. Random, so its address cannot be guessed from another's. */
public record ImageId(UUID value) {

    public static ImageId random() {
        return new ImageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
