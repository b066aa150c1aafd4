package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class AssetVersionTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pages_link_assets_with_a_fingerprint_so_a_year_of_caching_never_serves_old_files() throws Exception {
        var page = Html.parse(mvc.perform(get("/login")).andReturn());
        var css = page.select("link[rel=stylesheet][href^=/css/chorus.css]").attr("href");
        var htmx =
                page.select("script[src^=/webjars/htmx.org/dist/htmx.min.js]").attr("src");
        assertThat(css).matches("/css/chorus\\.css\\?v=[0-9a-f]{10}");
        assertThat(htmx).matches("/webjars/htmx\\.org/dist/htmx\\.min\\.js\\?v=[0-9a-f]{10}");
        mvc.perform(get(css))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=31536000")));
        mvc.perform(get(htmx)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("htmx")));
    }
}
