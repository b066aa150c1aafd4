package org.chorus.statements;

/** Enough to link to a statement from another page: its address and its title in its original language. */
public record StatementLink(StatementId id, String slug, String title) {}
