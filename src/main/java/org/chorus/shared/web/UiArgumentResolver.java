package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the page context as a parameter ({@code Ui ui}) without binding request data onto it. */
@Configuration
class UiArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final UiAdvice uiAdvice;

    UiArgumentResolver(UiAdvice uiAdvice) {
        this.uiAdvice = uiAdvice;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Ui.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        var existing = container == null ? null : container.getModel().get("ui");
        return existing instanceof Ui ui ? ui : uiAdvice.uiFor(request.getNativeRequest(HttpServletRequest.class));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
