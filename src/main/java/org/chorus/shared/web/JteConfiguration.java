package org.chorus.shared.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.springframework.web.servlet.view.AbstractTemplateViewResolver;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Renders views with jte templates precompiled at build time (src/main/jte, compiled by the jte-maven-plugin), so no
 * template is parsed or compiled while Chorus runs.
 */
@Configuration
class JteConfiguration {

    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine) {
        return new JteViewResolver(templateEngine);
    }

    static class JteViewResolver extends AbstractTemplateViewResolver {

        private final TemplateEngine templateEngine;

        JteViewResolver(TemplateEngine templateEngine) {
            this.templateEngine = templateEngine;
            setViewClass(JteView.class);
            setSuffix(".jte");
            setContentType("text/html;charset=UTF-8");
            setOrder(Ordered.HIGHEST_PRECEDENCE);
            setExposeRequestAttributes(false);
        }

        @Override
        protected Class<?> requiredViewClass() {
            return JteView.class;
        }

        @Override
        protected AbstractUrlBasedView instantiateView() {
            return new JteView(templateEngine);
        }

        @Override
        protected View loadView(String viewName, Locale locale) throws Exception {
            var view = super.loadView(viewName, locale);
            return view != null && templateEngine.hasTemplate(viewName + getSuffix()) ? view : null;
        }
    }

    static class JteView extends AbstractTemplateView {

        private final TemplateEngine templateEngine;

        JteView(TemplateEngine templateEngine) {
            this.templateEngine = templateEngine;
        }

        @Override
        public boolean checkResource(Locale locale) {
            return templateEngine.hasTemplate(getUrl());
        }

        @Override
        protected void renderMergedTemplateModel(
                Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            var output = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, output);
            response.setContentType(getContentType());
            response.setContentLength(output.getContentLength());
            output.writeTo(response.getOutputStream());
        }
    }
}
