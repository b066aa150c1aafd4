package org.chorus.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
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
        var page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        var css = page.replaceAll("(?s).*href=\"(/css/chorus\\.css\\?v=[0-9a-f]{10})\".*", "$1");
        var htmx = page.replaceAll("(?s).*src=\"(/webjars/htmx\\.org/dist/htmx\\.min\\.js\\?v=[0-9a-f]{10})\".*", "$1");
        mvc.perform(get(css))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=31536000")));
        mvc.perform(get(htmx)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("htmx")));
    }
}
