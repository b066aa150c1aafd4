package org.chorus.support;

import java.util.List;
import java.util.UUID;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.ChorusUser;
import org.chorus.accounts.SigningUp;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.OrganizationProfile;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.i18n.Language;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/** Creates people and organizations through the real use cases, each with a unique name so tests stay apart. */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final SigningUp signingUp;
    private final AccountDirectory accounts;
    private final RegisteringOrganizations registering;
    private final ManagingMembers members;

    Fixtures(
            SigningUp signingUp,
            AccountDirectory accounts,
            RegisteringOrganizations registering,
            ManagingMembers members) {
        this.signingUp = signingUp;
        this.accounts = accounts;
        this.registering = registering;
        this.members = members;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueEmail(String prefix) {
        return unique(prefix) + "@example.org";
    }

    public ChorusUser person(String prefix) {
        return user(signingUp.createActive(uniqueEmail(prefix), "Person " + prefix, PASSWORD, Language.ENGLISH, false));
    }

    public ChorusUser admin() {
        return user(signingUp.createActive(uniqueEmail("admin"), "Admin", PASSWORD, Language.ENGLISH, true));
    }

    public ChorusUser user(AccountId id) {
        var summary = accounts.find(id).orElseThrow();
        return ChorusUser.of(summary, false);
    }

    public ChorusUser adminUser(AccountId id) {
        return ChorusUser.of(accounts.find(id).orElseThrow(), true);
    }

    public Actor siteAdmin() {
        var admin = admin();
        return new Actor(admin.id(), true);
    }

    public Organization coalition() {
        return registering.foundCoalition(siteAdmin(), profile(unique("Coalition")));
    }

    public Organization below(Organization parent, OrganizationKind kind) {
        return registering.registerBelow(siteAdmin(), parent.slug(), kind, profile(unique(kind.name())));
    }

    public void grant(Organization organization, ChorusUser person, Role role) {
        members.grant(siteAdmin(), organization.id(), person.id(), role);
    }

    public static OrganizationProfile profile(String name) {
        return new OrganizationProfile(name, "KE", List.of("en", "sw"), "https://example.org", "About " + name);
    }
}
