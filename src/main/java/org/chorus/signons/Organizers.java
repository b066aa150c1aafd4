package org.chorus.signons;

import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementHeading;
import org.springframework.stereotype.Component;

/**
 * Who organizes a statement's sign-on: those who hold {@link SignOnPermission#MANAGE_SIGN_ONS} in its issuer through
 * their role (owners, editors; site admins), and the members an owner designated ({@link DesignatingOrganizers}),
 * for that organization's statements only and while they are still its members.
 */
@Component
public class Organizers {

    private final OrganizationPermissions permissions;
    private final SignOnOrganizers designations;
    private final ReadingStatements statements;

    Organizers(OrganizationPermissions permissions, SignOnOrganizers designations, ReadingStatements statements) {
        this.permissions = permissions;
        this.designations = designations;
        this.statements = statements;
    }

    /** Whether the person organizes the sign-ons of the organization's statements. */
    public boolean can(Actor actor, OrganizationId organization) {
        return permissions.can(actor, organization, SignOnPermission.MANAGE_SIGN_ONS)
                || designated(actor, organization);
    }

    /** Throws 403 unless the person organizes the organization's sign-ons (and 2FA if the organization asks it). */
    void require(Actor actor, OrganizationId organization) {
        if (!permissions.can(actor, organization, SignOnPermission.MANAGE_SIGN_ONS)
                && designated(actor, organization)) {
            permissions.requireTwoFactorIfAsked(actor, organization);
            return;
        }
        permissions.require(actor, organization, SignOnPermission.MANAGE_SIGN_ONS);
    }

    /** The statement at {@code slug}, for someone who organizes its sign-on (else 403; 404 if they cannot see it). */
    StatementHeading statement(Actor actor, String slug, Language language) {
        var heading = statements.heading(actor, slug, language.tag());
        require(actor, heading.statement().issuer());
        return heading;
    }

    private boolean designated(Actor actor, OrganizationId organization) {
        return actor != null
                && permissions.roleOf(actor, organization).isPresent()
                && designations.designated(organization, actor.account());
    }
}
