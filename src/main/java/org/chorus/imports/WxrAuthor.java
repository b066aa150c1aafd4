package org.chorus.imports;

/** A WordPress user named in an export, to be matched with a Chorus account or credited by name. */
public record WxrAuthor(String login, String email, String displayName) {}
