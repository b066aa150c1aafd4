package org.chorus.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.chorus.shared.web.ProblemResponses;
import org.chorus.shared.web.RequiresScope;
import org.chorus.shared.web.UiAdvice;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that carry {@code Authorization: Bearer chorus_…} (or OSDI's header, {@link
 * org.chorus.shared.web.ApiCredentials}); a wrong, expired or revoked
 * token is refused at once with a 401 Problem saying which. */
class ApiTokenAuthentication extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UiAdvice uiAdvice;

    ApiTokenAuthentication(ApiTokens tokens, UiAdvice uiAdvice) {
        this.tokens = tokens;
        this.uiAdvice = uiAdvice;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var token = org.chorus.shared.web.ApiCredentials.token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var check = tokens.check(token);
        var user = check.user();
        if (user == null) {
            // expired and revoked tokens say so, in the caller's language, so their owner knows to make a new one
            var ui = uiAdvice.uiFor(request);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(
                    response, 401, ui.t("error.401.title"), ui.t(check.refusal().messageKey), request.getRequestURI());
            return;
        }
        // the token's scopes join its account's roles: a handler that needs one finds it here (RequiresScope)
        var authorities =
                new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(RequiresScope.API_TOKEN));
        check.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(RequiresScope.PREFIX + scope)));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
