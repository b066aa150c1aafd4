package org.chorus.organizations.web;

import jakarta.servlet.http.HttpServletRequest;
import org.chorus.organizations.TwoFactorRequired;
import org.chorus.shared.web.UiAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A person asked to act in an organization that requires two-factor sign-in they have not set up is led to the setup
 * page, which says which organization asks for it. The API answers 403 with the reason instead.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TwoFactorRequiredAdvice {

    private final UiAdvice uiAdvice;

    TwoFactorRequiredAdvice(UiAdvice uiAdvice) {
        this.uiAdvice = uiAdvice;
    }

    @ExceptionHandler(TwoFactorRequired.class)
    Object setUpFirst(TwoFactorRequired required, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            var ui = uiAdvice.uiFor(request);
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, ui.t(required.messageKey(), required.arguments()));
            problem.setTitle(ui.t("error.403.title"));
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        RequestContextUtils.getOutputFlashMap(request).put("requiredBy", required.organizationName());
        return "redirect:/account/two-factor";
    }
}
