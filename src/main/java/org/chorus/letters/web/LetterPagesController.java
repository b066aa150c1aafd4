package org.chorus.letters.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.letters.LetterStamps;
import org.chorus.letters.ReadingLetters;
import org.chorus.letters.SendingLetters;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.web.ConfirmLinkPage;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.SameOrigin;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * A supporter's pages: the letter and its country picker (a plain GET form), a country's officials with the letter to
 * personalize (a cached page with a signed stamp, no session), "check your email", the confirmation link's page whose
 * button sends by POST, the page that opens the letter in their own mail, and "I sent it".
 */
@Controller
class LetterPagesController {

    private final ReadingLetters reading;
    private final SendingLetters sending;
    private final LetterStamps stamps;
    private final CampaignOrganizers organizers;
    private final ChorusProperties properties;

    LetterPagesController(
            ReadingLetters reading,
            SendingLetters sending,
            LetterStamps stamps,
            CampaignOrganizers organizers,
            ChorusProperties properties) {
        this.reading = reading;
        this.sending = sending;
        this.stamps = stamps;
        this.organizers = organizers;
        this.properties = properties;
    }

    @GetMapping("/c/{slug}/letter")
    @PublicPage(parameters = "country")
    String overview(
            @PathVariable String slug,
            @RequestParam(required = false) String country,
            @Nullable Actor viewer,
            Ui ui,
            Model model,
            HttpServletRequest request) {
        var overview = reading.overview(slug, ui.lang());
        if (country != null && overview.countries().contains(country.strip().toUpperCase(Locale.ROOT))) {
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:" + countryPath(slug, country.strip());
        }
        model.addAttribute("overview", overview);
        model.addAttribute(
                "organizer",
                viewer != null
                        && organizers.isOrganizer(viewer, overview.campaign().id()));
        return "letters/overview";
    }

    @GetMapping("/c/{slug}/letter/{country:[a-z]{2}}")
    @PublicPage
    String country(@PathVariable String slug, @PathVariable String country, Ui ui, Model model) {
        var page = reading.country(slug, country, ui.lang());
        var text = page.text();
        var typed = new LetterFields(
                "",
                "",
                text.subject(),
                text.opening(),
                text.closing(),
                page.targets().stream().map(t -> t.id().toString()).toList());
        return form(model, page, typed, FormErrors.none());
    }

    @PostMapping("/c/{slug}/letter/{country:[a-z]{2}}/send")
    String send(
            @PathVariable String slug,
            @PathVariable String country,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String opening,
            @RequestParam(defaultValue = "") String closing,
            @RequestParam(defaultValue = "") List<String> targets,
            @RequestParam(defaultValue = "") String homepage,
            @RequestParam(defaultValue = "") String stamp,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request, properties.baseUrl(), "letter.cross-site");
        response.setHeader("Cache-Control", "private, no-store");
        var typed = new LetterFields(name, email, subject, opening, closing, targets);
        try {
            sending.submit(
                    slug,
                    country,
                    typed.written(),
                    new SendingLetters.Signals(homepage, stamp, request.getRemoteAddr()),
                    ui.language());
            // committed: "check your email" is the same page for everyone (kept in the page cache); 303, so reloading
            // it sends nothing again
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:" + countryPath(slug, country) + "/check-email";
        } catch (InvalidField problem) {
            return refused(model, slug, country, typed, FormErrors.of(problem, ui.messages()), ui);
        } catch (DomainException problem) {
            if (problem.status() != 429 && problem.status() != 409) {
                throw problem;
            }
            return refused(model, slug, country, typed, FormErrors.of("form", problem, ui.messages()), ui);
        }
    }

    @PostMapping("/c/{slug}/letter/{country:[a-z]{2}}/own")
    String own(
            @PathVariable String slug,
            @PathVariable String country,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String opening,
            @RequestParam(defaultValue = "") String closing,
            @RequestParam(defaultValue = "") List<String> targets,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request, properties.baseUrl(), "letter.cross-site");
        response.setHeader("Cache-Control", "private, no-store");
        var typed = new LetterFields(name, "", subject, opening, closing, targets);
        try {
            var letter = sending.ownMail(slug, country, typed.written(), ui.language());
            model.addAttribute("letter", letter);
            model.addAttribute("stamp", stamps.issue(letter.campaign().id(), letter.country()));
            model.addAttribute("action", countryPath(slug, country) + "/sent");
            return "letters/own";
        } catch (InvalidField problem) {
            return refused(model, slug, country, typed, FormErrors.of(problem, ui.messages()), ui);
        } catch (DomainException problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            return refused(model, slug, country, typed, FormErrors.of("form", problem, ui.messages()), ui);
        }
    }

    @PostMapping("/c/{slug}/letter/{country:[a-z]{2}}/sent")
    String sentFromOwnMail(
            @PathVariable String slug,
            @PathVariable String country,
            @RequestParam(defaultValue = "") List<String> targets,
            @RequestParam(defaultValue = "") String homepage,
            @RequestParam(defaultValue = "") String stamp,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request, properties.baseUrl(), "letter.cross-site");
        response.setHeader("Cache-Control", "private, no-store");
        try {
            sending.sentFromOwnMail(
                    slug,
                    country,
                    targets,
                    new SendingLetters.Signals(homepage, stamp, request.getRemoteAddr()),
                    ui.language());
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:" + countryPath(slug, country) + "/thanks";
        } catch (InvalidField problem) {
            return notCounted(model, slug, country, targets, FormErrors.of(problem, ui.messages()), ui);
        } catch (DomainException problem) {
            if (problem.status() != 429 && problem.status() != 409) {
                throw problem;
            }
            return notCounted(model, slug, country, targets, FormErrors.of("form", problem, ui.messages()), ui);
        }
    }

    /** "I sent it" refused: the country's form again, with the letter as the organizers wrote it and the error. */
    private String notCounted(
            Model model, String slug, String country, List<String> targets, FormErrors errors, Ui ui) {
        var page = reading.country(slug, country, ui.lang());
        var text = page.text();
        return form(
                model, page, new LetterFields("", "", text.subject(), text.opening(), text.closing(), targets), errors);
    }

    @GetMapping("/c/{slug}/letter/{country:[a-z]{2}}/check-email")
    @PublicPage
    String checkEmail(@PathVariable String slug, @PathVariable String country, Ui ui, Model model) {
        model.addAttribute("page", reading.country(slug, country, ui.lang()));
        return "letters/check-email";
    }

    @GetMapping("/c/{slug}/letter/{country:[a-z]{2}}/thanks")
    @PublicPage
    String thanks(@PathVariable String slug, @PathVariable String country, Ui ui, Model model) {
        model.addAttribute("page", reading.country(slug, country, ui.lang()));
        return "letters/thanks";
    }

    @GetMapping("/letters/confirm/{token}")
    String confirmPage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        return ConfirmLinkPage.show(
                model,
                response,
                ui,
                "letter.confirm",
                "/letters/confirm/" + org.springframework.web.util.UriUtils.encodePathSegment(token, "UTF-8"));
    }

    @PostMapping("/letters/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var confirmation = sending.confirm(token);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(
                switch (confirmation.outcome()) {
                    case SENT -> 200;
                    case EXPIRED -> 410;
                    case CLOSED -> 409;
                    case ALREADY_SENT, TRY_LATER -> 429;
                    case UNKNOWN -> 404;
                });
        if (confirmation.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(confirmation.retryAfterSeconds()));
        }
        model.addAttribute("confirmation", confirmation);
        return "letters/confirmed";
    }

    /** A refused form comes back with a new stamp (the old one may be what was refused), never cached. */
    private String refused(Model model, String slug, String country, LetterFields typed, FormErrors errors, Ui ui) {
        return form(model, reading.country(slug, country, ui.lang()), typed, errors);
    }

    private String form(Model model, ReadingLetters.CountryPage page, LetterFields typed, FormErrors errors) {
        model.addAttribute("page", page);
        model.addAttribute("typed", typed);
        model.addAttribute("stamp", stamps.issue(page.campaign().id(), page.country()));
        model.addAttribute("errors", errors);
        model.addAttribute("action", countryPath(page.campaign().slug(), page.country()));
        return "letters/country";
    }

    private static String countryPath(String slug, String country) {
        return "/c/" + slug + "/letter/" + country.toLowerCase(Locale.ROOT);
    }
}
