package org.chorus.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.chorus.shared.DomainException;
import org.chorus.shared.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an answer a person can read: a translated error page for browsers, RFC 9457 Problem
 * Details for the API. Never a stack trace.
 */
final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {}

    static int statusOf(Exception e) {
        return switch (e) {
            case DomainException d -> d.status();
            case NoResourceFoundException ignored -> 404;
            case HttpRequestMethodNotSupportedException ignored -> 405;
            case MethodArgumentTypeMismatchException ignored -> 400;
            case MissingServletRequestParameterException ignored -> 400;
            case org.springframework.web.bind.MethodArgumentNotValidException ignored -> 422;
            case org.springframework.http.converter.HttpMessageNotReadableException ignored -> 400;
            case org.springframework.web.HttpMediaTypeNotSupportedException ignored -> 415;
            // UnreadableInput refuses these first; kept for a multipart request read some other way
            case org.springframework.web.multipart.MaxUploadSizeExceededException ignored -> 413;
            case org.springframework.web.multipart.MultipartException ignored -> 400;
            case org.springframework.security.access.AccessDeniedException ignored -> 403;
            case org.springframework.security.core.AuthenticationException ignored -> 401;
            default -> 500;
        };
    }

    static String detail(Exception e, int status, Messages messages) {
        if (e instanceof DomainException d) {
            return messages.t(d.messageKey(), d.arguments());
        }
        if (status == 401) {
            return messages.t("api.token-required");
        }
        return messages.t(ErrorPage.messageKey(status));
    }

    static void logIfUnexpected(Exception e, int status, HttpServletRequest request) {
        if (status >= 500) {
            log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    static ProblemDetail problem(int status, String title, String detail, String instance) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** Errors raised by API controllers become Problem Details in the caller's language. */
    @RestControllerAdvice(annotations = RestController.class)
    @Order(1)
    static class ApiErrors {

        private final UiAdvice uiAdvice;

        ApiErrors(UiAdvice uiAdvice) {
            this.uiAdvice = uiAdvice;
        }

        @ExceptionHandler(Exception.class)
        ResponseEntity<ProblemDetail> handle(Exception e, HttpServletRequest request) {
            int status = statusOf(e);
            logIfUnexpected(e, status, request);
            var messages = uiAdvice.uiFor(request).messages();
            var problem = problem(
                    status,
                    messages.t(ErrorPage.titleKey(status)),
                    detail(e, status, messages),
                    request.getRequestURI());
            if (e instanceof DomainException d) {
                problem.setProperty("code", d.messageKey());
            }
            if (e instanceof org.chorus.shared.InvalidField invalid) {
                // each broken field with its message, as a page shows them next to the fields
                var errors = new java.util.LinkedHashMap<String, String>();
                invalid.fields().forEach(f -> errors.putIfAbsent(f.field(), messages.t(f.messageKey(), f.arguments())));
                problem.setProperty("errors", errors);
            }
            if (e instanceof org.springframework.web.bind.MethodArgumentNotValidException invalid) {
                var errors = new java.util.LinkedHashMap<String, String>();
                invalid.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), messages.t(f)));
                problem.setProperty("errors", errors);
            }
            var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (status == 401 && !request.getRequestURI().endsWith("/inbox")) {
                answer.header("WWW-Authenticate", "Bearer");
            }
            // a limit says how long to wait: its first argument, in seconds (LetterRateLimits, the inboxes' limit)
            if (status == 429
                    && e instanceof DomainException d
                    && d.arguments().length > 0
                    && d.arguments()[0] instanceof Number seconds) {
                answer.header("Retry-After", Long.toString(seconds.longValue()));
            }
            return answer.body(problem);
        }
    }

    /** Errors raised by page controllers become the error page, translated. */
    @ControllerAdvice
    @Order(2)
    static class PageErrors {

        private final UiAdvice uiAdvice;

        PageErrors(UiAdvice uiAdvice) {
            this.uiAdvice = uiAdvice;
        }

        @ExceptionHandler(Exception.class)
        ModelAndView handle(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
            if (e instanceof org.springframework.security.core.AuthenticationException) {
                // a handler that takes an Actor was reached without one: Spring Security's entry point sends the
                // person to sign in and back here afterwards
                throw e;
            }
            int status = statusOf(e);
            logIfUnexpected(e, status, request);
            var ui = uiAdvice.uiFor(request);
            response.setStatus(status);
            var page = new ErrorPage(status, ui.t(ErrorPage.titleKey(status)), detail(e, status, ui.messages()));
            var view = new ModelAndView("shared/error");
            view.addObject("ui", ui);
            view.addObject("error", page);
            view.setStatus(HttpStatus.valueOf(status));
            return view;
        }
    }

    /** Whatever fails outside a controller (a filter, the container) lands here. */
    @Controller
    static class FallbackErrorController implements ErrorController {

        private final UiAdvice uiAdvice;

        FallbackErrorController(UiAdvice uiAdvice) {
            this.uiAdvice = uiAdvice;
        }

        @RequestMapping("/error")
        Object error(HttpServletRequest request, HttpServletResponse response) {
            var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // without a status the container did not forward here after an error: someone asked for /error itself
            int status = code instanceof Integer i ? i : 404;
            var original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            var ui = uiAdvice.uiFor(request);
            var title = ui.t(ErrorPage.titleKey(status));
            var message = request.getAttribute(UnreadableInput.REFUSAL) instanceof UnreadableInput.Refusal refusal
                    ? ui.t(refusal.messageKey(), refusal.arguments())
                    : ui.t(ErrorPage.messageKey(status));
            var accept = request.getHeader("Accept");
            if ((original != null && original.startsWith("/api/"))
                    || (accept != null && accept.contains("json") && !accept.contains("html"))) {
                return ResponseEntity.status(status)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem(status, title, message, original));
            }
            response.setStatus(status);
            var view = new ModelAndView("shared/error");
            view.addObject("ui", ui);
            view.addObject("error", new ErrorPage(status, title, message));
            view.setStatus(HttpStatus.valueOf(status));
            return view;
        }
    }
}
