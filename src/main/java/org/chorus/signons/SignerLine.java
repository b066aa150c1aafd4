package org.chorus.signons;

import java.time.Instant;

/**
 * A sign-on as its statement's organizers see it: every field, the sealed ones opened (null once retention emptied
 * them), its status, and whether another organization's sign-on on the statement looks like the same one.
 *
 * @param contact the person's name, or the organization's contact person (sealed)
 * @param publicName the name as the public list shows it (an organization's, or a person's who consented)
 * @param duplicateOf the earliest other organization's sign-on with the same folded name, country and website host
 *     (null when there is none)
 * @param answers the answers to the opening's questions, in their order (blank where none was given; sealed)
 */
public record SignerLine(
        SignOnId id,
        SignOnKind kind,
        SignOnStatus status,
        String country,
        String publicName,
        String contact,
        String email,
        String affiliation,
        String title,
        String website,
        String description,
        boolean showName,
        SignOnId duplicateOf,
        Instant signedAt,
        Instant confirmedAt,
        java.util.List<String> answers) {

    /** Another organization's sign-on on the statement looks like the same one. */
    public boolean possibleDuplicate() {
        return duplicateOf != null;
    }

    /** The answer to the question at {@code index}, or blank. */
    public String answer(int index) {
        return index < answers.size() && answers.get(index) != null ? answers.get(index) : "";
    }
}
