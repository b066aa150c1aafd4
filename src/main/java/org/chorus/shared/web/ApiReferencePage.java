package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browsable API reference at {@code /developers/api}: a page of this site (no script, in the reader's language
 * around descriptions written in English), read from the OpenAPI description springdoc generates, once per process.
 * Nothing is loaded from elsewhere; the JSON and YAML descriptions are linked for tools.
 */
@Controller
class ApiReferencePage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // asked for when the page is: a process without the web layer (the crash tests' children) has no springdoc
    private final ObjectProvider<OpenApiWebMvcResource> openApi;
    private final String docsPath;
    private volatile ApiReference reference;

    ApiReferencePage(
            ObjectProvider<OpenApiWebMvcResource> openApi, @Value("${springdoc.api-docs.path}") String docsPath) {
        this.openApi = openApi;
        this.docsPath = docsPath;
    }

    @GetMapping("/developers/api")
    @PublicPage
    String page(HttpServletRequest request, Ui ui, Model model) throws Exception {
        model.addAttribute("reference", reference(request));
        model.addAttribute("json", docsPath);
        return "shared/api-reference";
    }

    private ApiReference reference(HttpServletRequest request) throws Exception {
        var known = reference;
        if (known == null) {
            // the description depends on the code alone: made once, as springdoc keeps its own
            known = ApiReference.of(JSON.readTree(openApi.getObject().openapiJson(request, docsPath, Locale.ENGLISH)));
            reference = known;
        }
        return known;
    }
}
