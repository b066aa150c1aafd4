package org.chorus.accounts;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.chorus.shared.web.Viewer;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security holds them. Site admins have the authority {@code ROLE_ADMIN}. */
public final class ChorusUser implements UserDetails, CredentialsContainer, Viewer {

    private final AccountId id;
    private final String email;
    private final String displayName;
    private final boolean siteAdmin;
    private final AccountStatus status;
    private final String language;
    private String passwordHash;

    ChorusUser(Account account) {
        this.id = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.siteAdmin = account.siteAdmin();
        this.status = account.status();
        this.language = account.language();
        this.passwordHash = account.passwordHash();
    }

    /** For tests and other modules' fixtures: a signed-in person without a stored password. */
    public static ChorusUser of(AccountSummary account, boolean siteAdmin) {
        return new ChorusUser(new Account(
                account.id(),
                account.email(),
                account.displayName(),
                "",
                AccountStatus.ACTIVE,
                siteAdmin,
                account.language(),
                java.time.Instant.EPOCH));
    }

    public AccountId id() {
        return id;
    }

    @Override
    public UUID accountId() {
        return id.value();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean siteAdmin() {
        return siteAdmin;
    }

    public String language() {
        return language;
    }

    public String email() {
        return email;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return siteAdmin
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return status == AccountStatus.ACTIVE;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChorusUser user && user.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ChorusUser[" + id + "]";
    }
}
