package org.chorus.signons;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** What a person may do with sign-ons in their organization. */
public enum SignOnPermission implements Permission {
    /**
     * Open the organization's published statements for sign-on, change the choices, close them, and organize their
     * sign-ons (moderate, merge, rename, discard, export). Members an owner designated hold it too (see
     * {@code Organizers}).
     */
    MANAGE_SIGN_ONS(Holders.of(OWNER, EDITOR)),
    /** Sign a statement in the organization's name, in one click. */
    SIGN_FOR_ORGANIZATION(Holders.of(OWNER)),
    /**
     * Designate members as organizers of the sign-ons of the organization's statements (they then hold what
     * {@link #MANAGE_SIGN_ONS} allows there, without a role).
     */
    DESIGNATE_ORGANIZERS(Holders.of(OWNER));

    private final Holders holders;

    SignOnPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}
