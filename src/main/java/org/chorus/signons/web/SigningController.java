package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.LineEndings;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.web.ConfirmLinkPage;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.SameOrigin;
import org.chorus.shared.web.SecurityHeaders;
import org.chorus.shared.web.Ui;
import org.chorus.signons.SignOnForm;
import org.chorus.signons.SignOnKind;
import org.chorus.signons.SignOnStamps;
import org.chorus.signons.SigningOn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Signing a statement: the form's own page (where a refused form comes back, never cached), the answer "check your
 * email" (a 303 to a cached page, given only after the sign-on committed; the same whether the address signed before
 * or not), the one-click
 * sign-on of an organization's owner, and the pages of the two links a letter carries, whose buttons confirm or
 * withdraw by POST (mail scanners open links; they do not press buttons).
 */
@Controller
class SigningController {

    private final SigningOn signing;
    private final SignOnStamps stamps;
    private final ChorusProperties properties;

    SigningController(SigningOn signing, SignOnStamps stamps, ChorusProperties properties) {
        this.signing = signing;
        this.stamps = stamps;
        this.properties = properties;
    }

    /**
     * Each value sent under a name bound to a {@code String[]} is one element, commas and all: Spring would split a
     * single value at its commas (and join several with commas before converting to a list), so the one free answer
     * "Saint-Denis, La Réunion" would become two answers, the second lost.
     */
    @InitBinder
    void oneElementPerValue(WebDataBinder binder) {
        binder.registerCustomEditor(String[].class, new OneElementPerValue());
    }

    private static final class OneElementPerValue extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(new String[] {text});
        }

        @Override
        public void setValue(Object value) {
            super.setValue(
                    value instanceof String[] values
                            ? Arrays.stream(values).map(LineEndings::normalized).toArray(String[]::new)
                            : value);
        }
    }

    @GetMapping("/s/{slug}/sign")
    String form(
            @PathVariable String slug,
            @RequestParam(defaultValue = "person") String kind,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        return form(model, response, ui, slug, SignOnForm.empty(kind(kind)), FormErrors.none());
    }

    @PostMapping("/s/{slug}/sign")
    String sign(
            @PathVariable String slug,
            @ModelAttribute SentSignOnForm sent,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request, properties.baseUrl(), "signons.cross-site");
        var form = sent.form(kind(sent.kind()));
        boolean embed = sent.embed();
        try {
            var statement = signing.sign(slug, form, sent.signals(request.getRemoteAddr()), ui.language());
            response.setHeader("Cache-Control", "no-store");
            if (embed) {
                return embedded(model, response, ui, slug, form, FormErrors.none(), true);
            }
            // committed: "check your email" is a page of its own, the same for everyone, so kept in the page cache;
            // 303 so that the browser gets it, and reloading it sends nothing again
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/s/" + statement.statement().slug() + "/sign/sent";
        } catch (InvalidField problem) {
            return refused(model, response, ui, slug, form, FormErrors.of(problem, ui.messages()), embed);
        } catch (DomainException problem) {
            // closed meanwhile (409) or too many (429): said at the top of the form; anything else is an error page
            if (problem.status() != 409 && problem.status() != 429) {
                throw problem;
            }
            return refused(model, response, ui, slug, form, FormErrors.of("form", problem, ui.messages()), embed);
        }
    }

    /**
     * "Check your email": where a sign-on taken from the form leads (the answer is the same whether the address
     * signed before or not, and whether the sign-on was kept or, from a robot, quietly dropped).
     */
    @GetMapping("/s/{slug}/sign/sent")
    @PublicPage
    String sent(@PathVariable String slug, Ui ui, Model model) {
        var statement = signing.statement(slug, ui.language());
        model.addAttribute("title", statement.title());
        model.addAttribute("slug", statement.statement().slug());
        return "signons/check-email";
    }

    /**
     * The form alone, for a frame on another site: only the origins the organizers listed may frame it (CSP
     * {@code frame-ancestors}; none by default). It posts to the same address with {@code embed=true}, and the answer
     * stays in the frame.
     */
    @GetMapping("/s/{slug}/sign/embed")
    String embed(
            @PathVariable String slug,
            @RequestParam(defaultValue = "person") String kind,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        return embedded(model, response, ui, slug, SignOnForm.empty(kind(kind)), FormErrors.none(), false);
    }

    /** An owner signs for their organization: the statement's page shows the sign-on (it is theirs, not cached). */
    @PostMapping("/s/{slug}/sign/organization")
    String signForOrganization(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String organization,
            @RequestParam(required = false) List<String> keepInformedBy,
            Actor actor,
            Ui ui,
            RedirectAttributes redirect) {
        signing.signForOrganization(actor, slug, organization, keepInformedBy, ui.language());
        redirect.addFlashAttribute("notice", "signons.signed-for-organization");
        return "redirect:/s/" + slug + "#sign";
    }

    @GetMapping("/signons/confirm/{token}")
    String confirmPage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        return ConfirmLinkPage.show(model, response, ui, "signons.confirm", "/signons/confirm/" + segment(token));
    }

    @PostMapping("/signons/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var confirmation = signing.confirm(token);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(
                switch (confirmation.outcome()) {
                    case CONFIRMED, AWAITS_APPROVAL, ALREADY_CONFIRMED -> 200;
                    case EXPIRED -> 410;
                    case UNKNOWN -> 404;
                });
        model.addAttribute("outcome", confirmation.outcome().name());
        model.addAttribute("slug", confirmation.statementSlug());
        model.addAttribute("thankYou", confirmation.thankYou() == null ? "" : confirmation.thankYou());
        model.addAttribute("newsFrom", confirmation.newsFrom());
        return "signons/confirmed";
    }

    @GetMapping("/signons/withdraw/{token}")
    String withdrawPage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        if (signing.withdrawable(token).isEmpty()) {
            throw new NotFoundException("signons.link-unknown");
        }
        return ConfirmLinkPage.show(model, response, ui, "signons.withdraw", "/signons/withdraw/" + segment(token));
    }

    @PostMapping("/signons/withdraw/{token}")
    String withdraw(@PathVariable String token, Model model, HttpServletResponse response) {
        var withdrawal = signing.withdraw(token).orElseThrow(() -> new NotFoundException("signons.link-unknown"));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("slug", withdrawal.statementSlug());
        model.addAttribute("stillInformedBy", withdrawal.stillInformedBy());
        return "signons/withdrawn";
    }

    private String form(
            Model model, HttpServletResponse response, Ui ui, String slug, SignOnForm form, FormErrors errors) {
        var statement = signing.statement(slug, ui.language());
        var context = signing.formContext(statement.statement().id())
                .orElseThrow(() -> new NotFoundException("signons.not-open"));
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("statement", statement);
        model.addAttribute("context", context);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "stamp",
                context.acceptingNow() ? stamps.issue(statement.statement().id()) : "");
        return "signons/sign";
    }

    private String refused(
            Model model,
            HttpServletResponse response,
            Ui ui,
            String slug,
            SignOnForm form,
            FormErrors errors,
            boolean embed) {
        return embed
                ? embedded(model, response, ui, slug, form, errors, false)
                : form(model, response, ui, slug, form, errors);
    }

    private String embedded(
            Model model,
            HttpServletResponse response,
            Ui ui,
            String slug,
            SignOnForm form,
            FormErrors errors,
            boolean done) {
        form(model, response, ui, slug, form, errors);
        var context = (SigningOn.FormContext) model.getAttribute("context");
        // this page's own policy: Spring Security writes its default only where a page set none
        response.setHeader(
                "Content-Security-Policy",
                SecurityHeaders.CONTENT_SECURITY_POLICY.replace(
                        "frame-ancestors 'none'",
                        "frame-ancestors " + context.opening().choices().frameAncestors()));
        model.addAttribute("done", done);
        return "signons/embed";
    }

    /** The form's kind as it names it; anything else is no form of ours. */
    private static SignOnKind kind(String value) {
        return switch (value) {
            case "person" -> SignOnKind.PERSON;
            case "organization" -> SignOnKind.ORGANIZATION;
            default -> throw new NotFoundException("signons.kind-unknown");
        };
    }

    private static String segment(String token) {
        return UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }
}
