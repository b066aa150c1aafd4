package org.chorus.signons;

/** Whom an opening accepts sign-ons from. */
public enum WhoMaySign {
    ORGANIZATIONS,
    PEOPLE,
    BOTH;

    public boolean accepts(SignOnKind kind) {
        return this == BOTH || (kind == SignOnKind.ORGANIZATION ? this == ORGANIZATIONS : this == PEOPLE);
    }
}
