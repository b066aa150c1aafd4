package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts the {@link Ui} page context into the model of every HTML controller. */
@ControllerAdvice
@Component
public class UiAdvice {

    private final MessageSource messageSource;
    private final String assetVersion;
    private final String baseUrl;
    private final ObjectProvider<OpenTasks> openTasks;
    private volatile OpenTasks tasks;

    UiAdvice(
            MessageSource messageSource,
            @Value("${chorus.asset-version:}") String assetVersion,
            @Value("${chorus.base-url}") String baseUrl,
            ObjectProvider<OpenTasks> openTasks) {
        this.messageSource = messageSource;
        this.assetVersion = assetVersion.isBlank() ? AssetVersion.ofBundledAssets() : assetVersion;
        this.baseUrl = baseUrl;
        this.openTasks = openTasks;
    }

    @ModelAttribute("ui")
    public Ui ui(HttpServletRequest request) {
        return uiFor(request);
    }

    /** The page context for a request handled outside a controller (filters, error pages). */
    public Ui uiFor(HttpServletRequest request) {
        var language = Language.of(RequestContextUtils.getLocale(request));
        var flash = RequestContextUtils.getInputFlashMap(request);
        var notice = flash == null ? null : (String) flash.get("notice");
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var viewer = currentViewer();
        return new Ui(
                new Messages(messageSource, language.locale()),
                language,
                path.isEmpty() ? "/" : path,
                request.getQueryString(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
                viewer,
                notice,
                assetVersion,
                baseUrl,
                taskCount(viewer));
    }

    private TaskCount taskCount(Viewer viewer) {
        if (viewer == null) {
            return TaskCount.NONE; // an anonymous reader has no tasks: no bean looked up, nothing read
        }
        if (tasks == null) {
            tasks = openTasks.getIfAvailable(); // looked up once: resolving a bean costs as much as a small request
        }
        var source = tasks;
        return source == null ? TaskCount.NONE : TaskCount.of(() -> source.count(viewer.accountId()));
    }

    public static Viewer currentViewer() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Viewer viewer ? viewer : null;
    }
}
