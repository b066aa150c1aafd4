package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.chorus.support.ChorusWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A path that is not in its normal form is refused before any rule reads it, so no limit, cache or security rule
 * written for the plain spelling can be walked around (issue 11: 60 password guesses in 7 s through {@code POST
 * /%6cogin} while {@code /login} answered 429). {@code accounts.SignInPathsTest} tries every spelling over real HTTP.
 */
@ChorusWebTest
class NormalizedPathsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void escapes_of_reserved_and_non_ascii_characters_stay_allowed() throws Exception {
        assertThat(NormalizedPaths.escapesUnreserved("/s/caf%C3%A9")).isFalse();
        assertThat(NormalizedPaths.escapesUnreserved("/s/a%20b")).isFalse();
        assertThat(NormalizedPaths.escapesUnreserved("/s/100%")).isFalse();
        assertThat(NormalizedPaths.escapesUnreserved("/s/%7e")).isTrue();
        assertThat(NormalizedPaths.escapesUnreserved("/%2e%2e/etc")).isTrue();
        mvc.perform(get(URI.create("/s/caf%C3%A9-no-such-statement"))).andExpect(status().isNotFound());
    }

    @Test
    void path_parameters_empty_and_dot_segments_and_escaped_slashes_are_not_normal() {
        assertThat(NormalizedPaths.hasOddSegments("/login;jsessionid=1")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("//login")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("/./login")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("/x/../login")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("/login/..")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("/x/..%2Flogin")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("/x%5clogin")).isTrue();
        assertThat(NormalizedPaths.hasOddSegments("/s/a.b/c..d/")).isFalse();
        assertThat(NormalizedPaths.hasOddSegments("/")).isFalse();
    }
}
