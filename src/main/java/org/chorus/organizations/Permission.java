package org.chorus.organizations;

/** What a person may do in an organization. Checked on the server for every request (OrganizationPermissions). */
public enum Permission {
    /** See the people of the organization and their roles. */
    VIEW_PEOPLE,
    /** Edit name, description, country, languages, website. */
    EDIT_PROFILE,
    /** Invite people by link. */
    INVITE_MEMBERS,
    /** Change people's roles and remove people. */
    CHANGE_ROLES,
    /** Approve or reject organizations that ask to join below this one. */
    APPROVE_CHILDREN,
    /** Write and edit draft statements, translate them, submit them for review. */
    WRITE_STATEMENTS,
    /** Approve, schedule, correct and retract the organization's statements; send drafts back. */
    PUBLISH_STATEMENTS,
    /** Approve, reject or mark as spam comments on the organization's statements; ban people from commenting. */
    MODERATE_COMMENTS
}
