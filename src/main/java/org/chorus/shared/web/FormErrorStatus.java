package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page rendered with form errors answers with the status of the rule that was broken (422 Unprocessable Content for
 * a field, 409, 403, or 429 with {@code Retry-After}), whichever controller renders it, so browsers, tests and
 * monitoring tell a refused form from a shown one and no handler sets a status by hand.
 */
@Configuration
class FormErrorStatus implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || response.getStatus() != 200) {
            return;
        }
        view.getModel().values().stream()
                .filter(value -> value instanceof FormErrors errors && errors.any())
                .map(FormErrors.class::cast)
                .findFirst()
                .ifPresent(errors -> {
                    response.setStatus(errors.status());
                    if (errors.retryAfterSeconds() > 0) {
                        response.setHeader("Retry-After", Long.toString(errors.retryAfterSeconds()));
                    }
                });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }
}
