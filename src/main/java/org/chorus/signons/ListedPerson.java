package org.chorus.signons;

/** A person on a statement's public list: listed by name because they consented and the organizers show names. */
public record ListedPerson(String name, String affiliation, String title, String country) {}
