package org.chorus.turnout;

import java.util.List;

/**
 * The report form as typed: the number of participants, the text, the captions of new photos (in the order of the
 * files) and the captions of kept ones, and the photos to remove.
 *
 * @param captions a caption for each new photo, in order; missing ones are empty
 * @param remove the ids of photos to remove
 */
public record TurnoutForm(String participants, String body, List<String> captions, List<String> remove) {

    public TurnoutForm {
        captions = captions == null ? List.of() : captions;
        remove = remove == null ? List.of() : remove;
    }

    public static TurnoutForm of(TurnoutReport report) {
        return report == null
                ? new TurnoutForm("", "", List.of(), List.of())
                : new TurnoutForm(Integer.toString(report.participants()), report.body(), List.of(), List.of());
    }

    /** A photo as uploaded: its bytes (at most the limit and one more, to tell a larger one) and caption. */
    public record Upload(byte[] bytes, String caption) {}
}
