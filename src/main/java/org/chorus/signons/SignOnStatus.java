package org.chorus.signons;

/**
 * Where a sign-on is: {@code PENDING} until the signer follows the link mailed to them (deleted when it expires),
 * {@code CONFIRMED} while it waits for an organizer's approval, {@code APPROVED} once listed and counted (people are
 * approved on confirmation unless the opening says otherwise), {@code REJECTED} when an organizer refused it.
 */
public enum SignOnStatus {
    PENDING,
    CONFIRMED,
    APPROVED,
    REJECTED
}
