package org.chorus.signons;

/**
 * A person on a statement's public list: listed by name because they consented and the organizers show names; with
 * their sign-on's id and when they signed (for the API's people and signatures).
 */
public record ListedPerson(
        String name, String affiliation, String title, String country, SignOnId id, java.time.Instant signedAt) {}
