package org.chorus.accounts;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.UiAdvice;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * What the sign-in form answers when signing in fails: past a limit ({@link ThrottledSignIn}) the page again with
 * 429 and the seconds to wait in {@code Retry-After}; an account not active yet (said only to someone who gave its
 * password) and any other failure go back to the form with one message that does not say which part was wrong.
 */
@Component
class SignInFailures implements AuthenticationFailureHandler {

    private final TemplateEngine templates;
    private final UiAdvice uiAdvice;

    SignInFailures(TemplateEngine templates, UiAdvice uiAdvice) {
        this.templates = templates;
        this.uiAdvice = uiAdvice;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!(failure instanceof ThrottledSignIn.SignInThrottled throttled)) {
            response.sendRedirect(failure instanceof DisabledException ? "/login?inactive" : "/login?error");
            return;
        }
        var email = request.getParameter("email");
        var ui = uiAdvice.uiFor(request);
        var output = new Utf8ByteOutput();
        templates.render(
                "accounts/login.jte",
                Map.of(
                        "ui",
                        ui,
                        "email",
                        email == null ? "" : email,
                        "errors",
                        new FormErrors(Map.of(), ui.t("login.throttled", throttled.seconds()))),
                output);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(throttled.seconds()));
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(output.getContentLength());
        output.writeTo(response.getOutputStream());
    }
}
