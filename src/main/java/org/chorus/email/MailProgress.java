package org.chorus.email;

/**
 * How far a sending (a batch) has gone: messages waiting or being sent, delivered, bounced, dropped because the
 * recipient unsubscribed meanwhile, skipped because the address is suppressed, and failed.
 */
public record MailProgress(
        long queued, long sent, long bounced, long unsubscribed, long suppressed, long failed, long unknown) {

    public long total() {
        return queued + sent + bounced + unsubscribed + suppressed + failed + unknown;
    }

    public boolean done() {
        return queued == 0;
    }
}
