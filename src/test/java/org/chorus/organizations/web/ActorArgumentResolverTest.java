package org.chorus.organizations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountSummary;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;

class ActorArgumentResolverTest {

    final ActorArgumentResolver resolver = new ActorArgumentResolver();

    @SuppressWarnings("unused")
    void handler(Actor actor, @Nullable Actor viewer, String other) {}

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_signed_in_person_becomes_the_actor_with_their_site_admin_flag() throws Exception {
        var account = new AccountSummary(AccountId.random(), "Ada", "ada@example.org", "en");
        var user = ChorusUser.of(account, true);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

        assertThat(resolve(0)).isEqualTo(new Actor(account.id(), true));
        assertThat(resolve(1)).isEqualTo(new Actor(account.id(), true));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in_where_a_handler_needs_someone() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThatThrownBy(() -> resolve(0)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_anonymous_visitor_is_nobody_on_a_page_anyone_may_read() throws Exception {
        assertThat(resolve(1)).isNull();
    }

    @Test
    void only_actor_parameters_are_resolved() throws Exception {
        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(2))).isFalse();
    }

    private Object resolve(int index) throws Exception {
        return resolver.resolveArgument(
                parameter(index), null, new ServletWebRequest(new MockHttpServletRequest()), null);
    }

    private MethodParameter parameter(int index) throws NoSuchMethodException {
        Method method = getClass().getDeclaredMethod("handler", Actor.class, Actor.class, String.class);
        return new MethodParameter(method, index);
    }
}
