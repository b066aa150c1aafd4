package org.chorus.comments;

/**
 * What the comment form tells about the sender, checked before anything is stored.
 *
 * @param honeypot the hidden field people leave empty; robots fill it
 * @param formStamp the signed time the form was shown ({@link FormStamps}), to refuse submissions made too fast
 * @param address the sender's network address; only a hash of its prefix is kept
 */
public record SpamSignals(String honeypot, String formStamp, String address) {

    public boolean honeypotFilled() {
        return honeypot != null && !honeypot.isEmpty();
    }
}
