package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import org.chorus.support.ChorusWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API's OpenAPI description, as the code generates it, is a valid OpenAPI 3.1 document (the swagger-parser reads
 * it without a message, as a linter would), and every operation says what it does: a summary, and for a write the
 * token scope it needs.
 */
@ChorusWebTest
class OpenApiDescriptionTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_description_is_valid_openapi_and_every_operation_says_what_it_does_and_needs() throws Exception {
        var json = mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("the parser's complaints").isEmpty();
        var api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.1");

        var missing = new ArrayList<String>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    var what = method + " " + path;
                    if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                        missing.add(what + ": no summary");
                    }
                    boolean writes =
                            !method.name().equals("GET") && !method.name().equals("HEAD");
                    if (writes
                            && path.startsWith("/api/v1/")
                            && (operation.getExtensions() == null
                                    || !operation.getExtensions().containsKey("x-required-scope"))) {
                        missing.add(what + ": no x-required-scope");
                    }
                }));
        assertThat(missing).isEmpty();
    }
}
