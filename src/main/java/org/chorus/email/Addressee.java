package org.chorus.email;

import org.chorus.shared.EmailAddress;

/**
 * Who a letter goes to.
 *
 * @param address the email address (checked: no line breaks, one address)
 * @param name the person's name for the To header, or null
 * @param key the idempotency key: asking twice to send with the same key sends once (e.g.
 *     {@code accounts.reset:<token hash>})
 * @param subscription for mail someone subscribed to (follows, announcements): the one-click unsubscribe and
 *     preferences links and the list the address leaves when unsubscribing; null for transactional mail
 */
public record Addressee(String address, String name, String key, Subscription subscription) {

    public Addressee {
        address = EmailAddress.check(address);
        name = name == null ? null : HeaderText.clean(name);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an addressee needs an idempotency key");
        }
    }

    public static Addressee transactional(String address, String name, String key) {
        return new Addressee(address, name, key, null);
    }

    /**
     * The links every non-transactional message carries (RFC 8058 one-click unsubscribe and a preferences page), and
     * the list the subscriber is on: unsubscribing stops the messages of that list that are still queued.
     */
    public record Subscription(String unsubscribeUrl, String preferencesUrl, String list) {}
}
