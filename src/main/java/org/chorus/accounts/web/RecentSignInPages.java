package org.chorus.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.accounts.RecentAuthentication;
import org.chorus.accounts.RecentSignInRequired;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.shared.web.UiAdvice;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page that asks a signed-in person for their password again before a sensitive change ({@link
 * RecentAuthentication}, {@link RequiresRecentSignIn}), and what sends people to it.
 */
final class RecentSignInPages {

    /** The password field of the confirmation page; named apart so it never collides with a form's own fields. */
    static final String PASSWORD = "reauthPassword";

    private static final String VIEW = "accounts/confirm-password";

    private RecentSignInPages() {}

    /** Runs {@link RequiresRecentSignIn} handlers only after a recent sign-in; checks the password a form carries. */
    @Configuration
    static class Check implements HandlerInterceptor, WebMvcConfigurer {

        private final RecentAuthentication recent;

        Check(RecentAuthentication recent) {
            this.recent = recent;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method
                    && (method.hasMethodAnnotation(RequiresRecentSignIn.class)
                            || method.getBeanType().isAnnotationPresent(RequiresRecentSignIn.class))) {
                var password = request.getParameter(PASSWORD);
                if (password != null && "POST".equals(request.getMethod())) {
                    recent.confirmPassword(request, password);
                }
                recent.require(request);
            }
            return true;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }
    }

    /** Answers {@link RecentSignInRequired} with the confirmation page, before the general error pages. */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Ask {

        private final UiAdvice uiAdvice;

        Ask(UiAdvice uiAdvice) {
            this.uiAdvice = uiAdvice;
        }

        @ExceptionHandler(RecentSignInRequired.class)
        Object ask(RecentSignInRequired required, HttpServletRequest request) {
            var ui = uiAdvice.uiFor(request);
            if (request.getHeader("HX-Request") != null) {
                // htmx would swap the page into a table row: send the whole window to it, then back where it was
                return ResponseEntity.ok()
                        .header("HX-Redirect", confirmPath(sameSitePath(request.getHeader("Referer"))))
                        .build();
            }
            if (!"POST".equals(request.getMethod())) {
                return new ModelAndView("redirect:" + confirmPath(pathOf(request)));
            }
            var errors = required.wrongPassword()
                    ? FormErrors.of(new InvalidField(PASSWORD, "reauth.password-wrong"), ui.messages())
                    : FormErrors.none();
            var view = page(ui, request.getRequestURI(), null, carried(request), errors);
            view.setStatus(required.wrongPassword() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
            return view;
        }

        /** The fields of the original form, but its CSRF token (the page has its own) and any password. */
        private static List<Map.Entry<String, String>> carried(HttpServletRequest request) {
            var carried = new ArrayList<Map.Entry<String, String>>();
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                var name = field.getKey();
                if (name.equals("_csrf") || name.toLowerCase(Locale.ROOT).contains("password")) {
                    continue;
                }
                for (var value : field.getValue()) {
                    carried.add(Map.entry(name, value));
                }
            }
            return carried;
        }
    }

    /** {@code /account/confirm-password}: asks for the password, then returns to the page the person was going to. */
    @Controller
    static class ConfirmPasswordController {

        private final RecentAuthentication recent;

        ConfirmPasswordController(RecentAuthentication recent) {
            this.recent = recent;
        }

        @GetMapping("/account/confirm-password")
        String form(@RequestParam(defaultValue = "/account") String next, Model model, Ui ui) {
            model.addAllAttributes(page(ui, "/account/confirm-password", safe(next), List.of(), FormErrors.none())
                    .getModel());
            return VIEW;
        }

        @PostMapping("/account/confirm-password")
        String confirm(
                @RequestParam(name = PASSWORD, defaultValue = "") String password,
                @RequestParam(defaultValue = "/account") String next,
                HttpServletRequest request,
                Model model,
                Ui ui) {
            try {
                recent.confirmPassword(request, password);
            } catch (RecentSignInRequired wrong) {
                model.addAllAttributes(page(
                                ui,
                                "/account/confirm-password",
                                safe(next),
                                List.of(),
                                FormErrors.of(new InvalidField(PASSWORD, "reauth.password-wrong"), ui.messages()))
                        .getModel());
                return VIEW;
            }
            return "redirect:" + safe(next);
        }
    }

    private static ModelAndView page(
            Ui ui, String action, @Nullable String next, List<Map.Entry<String, String>> carried, FormErrors errors) {
        var view = new ModelAndView(VIEW);
        view.addObject("ui", ui);
        view.addObject("action", action);
        view.addObject("next", next);
        view.addObject("carried", carried);
        view.addObject("errors", errors);
        return view;
    }

    private static String confirmPath(String next) {
        return "/account/confirm-password?next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String pathOf(HttpServletRequest request) {
        var query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The path and query of a same-site address, or the account page: never another host, taken from a header. */
    private static String sameSitePath(@Nullable String referer) {
        if (referer == null) {
            return "/account";
        }
        try {
            var uri = URI.create(referer);
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return safe(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return "/account";
        }
    }

    /** Only a path on this site: no scheme, no host, no {@code //} or {@code /\} that browsers read as a host. */
    static String safe(@Nullable String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/account";
        }
        return next;
    }
}
