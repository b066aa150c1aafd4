package org.chorus.organizations;

import org.chorus.shared.DomainException;

/**
 * Refuses to let someone act in an organization that requires two-factor sign-in until they have set it up; pages send
 * them to the setup page with the organization's name.
 */
public class TwoFactorRequired extends DomainException {

    private final String organizationName;

    public TwoFactorRequired(String organizationName) {
        super(403, "organization.two-factor-required", organizationName);
        this.organizationName = organizationName;
    }

    public String organizationName() {
        return organizationName;
    }
}
