package org.chorus.statements;

/** A person who signs a statement, shown at its end: "Name, Role, Organization". */
public record Signatory(String name, String roleTitle, String organization) {}
