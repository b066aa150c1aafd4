package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.RequiresScope;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every API handler that writes names the token scope it needs ({@link RequiresScope}, one of
 * {@link ApiTokens#SCOPES}) and takes the person acting, where the scope is checked; a token of an account allowed
 * everything, but without that scope, is refused with 403 naming it, on each of them.
 */
@ChorusWebTest
class ApiScopesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    record Write(RequestMethod method, String pattern, HandlerMethod handler) {}

    List<Write> writes() {
        var writes = new ArrayList<Write>();
        for (var mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                for (var pattern : info.getPatternValues()) {
                    for (var method : info.getMethodsCondition().getMethods()) {
                        if (pattern.startsWith("/api/")
                                && method != RequestMethod.GET
                                && method != RequestMethod.HEAD
                                && method != RequestMethod.OPTIONS) {
                            writes.add(new Write(method, pattern, handler));
                        }
                    }
                }
            });
        }
        return writes;
    }

    @Test
    void every_api_write_names_a_known_scope_and_takes_the_person_acting() {
        var writes = writes();
        assertThat(writes).isNotEmpty();
        for (var write : writes) {
            var scope = write.handler().getMethodAnnotation(RequiresScope.class);
            assertThat(scope)
                    .as("%s %s names its scope", write.method(), write.pattern())
                    .isNotNull();
            assertThat(ApiTokens.SCOPES).as("the scope of %s", write.pattern()).contains(scope.value());
            assertThat(Arrays.stream(write.handler().getMethodParameters())
                            .anyMatch(p -> p.getParameterType() == Actor.class))
                    .as("%s %s takes an Actor, where the scope is checked", write.method(), write.pattern())
                    .isTrue();
        }
    }

    @Test
    void a_token_without_the_scope_of_a_write_is_refused_with_403_naming_it() throws Exception {
        var admin = fixtures.admin();
        for (var write : writes()) {
            var scope = write.handler().getMethodAnnotation(RequiresScope.class).value();
            var others = ApiTokens.SCOPES.stream().filter(s -> !s.equals(scope)).toList();
            var token = tokens.create(admin.email(), "scopes", 30, others);
            // a variable with a pattern takes its first choice ({decision:approve|reject}: approve), others "x"
            var path =
                    write.pattern().replaceAll("\\{[^}:]+:([^|}]+)[^}]*}", "$1").replaceAll("\\{[^}]*}", "x");
            mvc.perform(request(HttpMethod.valueOf(write.method().name()), path)
                            .header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString(scope)));
        }
    }
}
