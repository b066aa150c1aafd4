package org.chorus.organizations.web;

import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.RequiresScope;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every controller take the person acting as a parameter. {@code Actor actor} means the handler needs someone
 * signed in: an anonymous request is sent to sign in (pages) or answered 401 (API) before the handler runs, whatever
 * the security configuration's paths say. {@code @Nullable Actor viewer} is for pages anyone may read, where the
 * viewer is {@code null} for anonymous readers.
 */
@Configuration
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ChorusUser user) {
            // an API token acts only within its scopes: a write needs the handler's, a read needs "read" to act as
            // its account (without it, it reads as anyone)
            var method = parameter.getMethod();
            var required = method == null ? null : method.getAnnotation(RequiresScope.class);
            var scope = required == null ? RequiresScope.READ : required.value();
            if (org.chorus.shared.web.TokenScopes.lacks(authentication.getAuthorities(), scope)) {
                if (required == null && parameter.isOptional()) {
                    return null;
                }
                throw new DomainException(403, "api.scope-missing", scope);
            }
            return Actor.of(user);
        }
        if (parameter.isOptional()) {
            return null;
        }
        throw new AuthenticationCredentialsNotFoundException("sign-in required");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
