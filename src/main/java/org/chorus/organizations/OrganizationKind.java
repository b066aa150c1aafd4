package org.chorus.organizations;

/** What an organization is within its coalition. */
public enum OrganizationKind {
    /** The top of a tree: a league or coalition. */
    COALITION,
    /** A thematic working group of the coalition. */
    COMMISSION,
    /** A regional chapter. */
    CHAPTER,
    /** A member organization. */
    MEMBER,
    /** An allied organization that is not a member. */
    ALLIED;

    public String key() {
        return "kind." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String pluralKey() {
        return key() + ".plural";
    }

    /** The kinds an organization may have below it. */
    public static java.util.List<OrganizationKind> childKinds() {
        return java.util.List.of(COMMISSION, CHAPTER, MEMBER, ALLIED);
    }
}
