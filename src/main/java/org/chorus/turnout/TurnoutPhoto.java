package org.chorus.turnout;

import java.util.UUID;

/** One photo of a turnout report, as served: a JPEG of at most 2,048 px on its long side, with its caption (alt text). */
public record TurnoutPhoto(UUID id, int position, int width, int height, String caption) {

    public static final int CAPTION_MAX = 300;

    /** Where readers get it. */
    public String path() {
        return "/turnout/photos/" + id + ".jpg";
    }

    String storeKey() {
        return "turnout/" + id + ".jpg";
    }
}
