package org.chorus.organizations;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.MEMBER;
import static org.chorus.organizations.Role.MODERATOR;
import static org.chorus.organizations.Role.OWNER;

/** What a person may do in running an organization: its profile, its people, the organizations below it. */
public enum OrganizationPermission implements Permission {
    /** See the people of the organization and their roles. */
    VIEW_PEOPLE(Holders.of(OWNER, EDITOR, MODERATOR, MEMBER)),
    /**
     * See the email addresses of the organization's people: personal data that only those who invite, remove and
     * answer for the people need (editors and moderators see names and roles).
     */
    SEE_EMAIL_ADDRESSES(Holders.of(OWNER)),
    /** Edit name, description, country, languages, website. */
    EDIT_PROFILE(Holders.of(OWNER, EDITOR)),
    /** Invite people by link. */
    INVITE_MEMBERS(Holders.of(OWNER)),
    /** Change people's roles, designate reviewers and remove people. */
    CHANGE_ROLES(Holders.of(OWNER)),
    /** Approve or reject organizations that ask to join below this one. */
    APPROVE_CHILDREN(Holders.of(OWNER));

    private final Holders holders;

    OrganizationPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}
