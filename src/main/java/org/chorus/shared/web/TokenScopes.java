package org.chorus.shared.web;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;

/** Reads the scopes an API token's authentication carries ({@link RequiresScope}). */
public final class TokenScopes {

    private TokenScopes() {}

    /** Whether these authorities are a token's that lacks the scope (a session never lacks one). */
    public static boolean lacks(Collection<? extends GrantedAuthority> authorities, String scope) {
        var names = authorities.stream().map(GrantedAuthority::getAuthority).toList();
        return names.contains(RequiresScope.API_TOKEN) && !names.contains(RequiresScope.PREFIX + scope);
    }
}
