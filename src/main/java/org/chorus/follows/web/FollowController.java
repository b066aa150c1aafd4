package org.chorus.follows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.chorus.follows.FollowTarget;
import org.chorus.follows.Following;
import org.chorus.follows.Frequency;
import org.chorus.organizations.Organization;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Following by email without an account: the form, the confirmation link, and the unsubscribe and preferences pages
 * each letter links to. Pages about one person's follow are never stored by any cache.
 */
@Controller
class FollowController {

    private final Following following;

    FollowController(Following following) {
        this.following = following;
    }

    /** What the follow form is about, as the page shows it. */
    record Target(
            FollowTarget target,
            Organization organization,
            String topic,
            org.chorus.campaigns.PublishedCampaign campaign) {
        String query() {
            if (campaign != null) {
                return "campaign=" + campaign.slug();
            }
            return organization != null ? "organization=" + organization.slug() : "topic=" + topic;
        }
    }

    @GetMapping("/follow")
    String form(
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String campaign,
            @RequestParam(defaultValue = "") String city,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        personal(response);
        var target = target(organization, topic, campaign, ui);
        model.addAttribute("city", city.strip());
        model.addAttribute("kilometres", FollowTarget.Near.CHOICES.get(2));
        return form(
                model,
                target,
                "",
                ui.language(),
                Frequency.choices(target.target()).getFirst(),
                false,
                FormErrors.none());
    }

    @PostMapping("/follow")
    String follow(
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String campaign,
            @RequestParam(defaultValue = "") String city,
            @RequestParam(required = false) String kilometres,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String frequency,
            @RequestParam(defaultValue = "false") boolean includeChildren,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        personal(response);
        var target = target(organization, topic, campaign, ui);
        var chosenLanguage = Language.byTag(language).orElse(ui.language());
        var chosenFrequency =
                Frequency.chosen(target.target(), Frequency.parse(frequency).orElse(null));
        model.addAttribute("city", city.strip());
        model.addAttribute("kilometres", parsedKilometres(kilometres));
        try {
            var followed = target.campaign() == null
                    ? target.target()
                    : following.campaignTarget(target.campaign(), city, kilometres);
            following.follow(new Following.Request(
                    email, followed, chosenLanguage, chosenFrequency, includeChildren, request.getRemoteAddr()));
        } catch (InvalidField problem) {
            return form(
                    model,
                    target,
                    email,
                    chosenLanguage,
                    chosenFrequency,
                    includeChildren,
                    FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 429) {
                throw problem;
            }
            return form(
                    model,
                    target,
                    email,
                    chosenLanguage,
                    chosenFrequency,
                    includeChildren,
                    FormErrors.of("email", problem, ui.messages()));
        }
        model.addAttribute("name", name(target));
        return "follows/sent";
    }

    @GetMapping("/follows/confirm/{token}")
    String confirmation(@PathVariable String token, Model model, HttpServletResponse response) {
        personal(response);
        model.addAttribute("follow", following.awaitingConfirmation(token));
        model.addAttribute("token", token);
        return "follows/confirm";
    }

    @PostMapping("/follows/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        personal(response);
        model.addAttribute("follow", following.confirm(token));
        model.addAttribute("preferences", following.preferencesPath(token));
        return "follows/confirmed";
    }

    @GetMapping("/follows/{id}/{signature}")
    String preferences(
            @PathVariable UUID id, @PathVariable String signature, Model model, HttpServletResponse response) {
        personal(response);
        return preferences(model, id, signature);
    }

    @PostMapping("/follows/{id}/{signature}")
    String changePreferences(
            @PathVariable UUID id,
            @PathVariable String signature,
            @RequestParam(required = false) String frequency,
            @RequestParam(defaultValue = "false") boolean includeChildren,
            @RequestParam(required = false) String language,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        personal(response);
        following.changePreferences(
                id,
                signature,
                Frequency.parse(frequency).orElse(null),
                includeChildren,
                Language.byTag(language).orElse(null));
        redirect.addFlashAttribute("notice", "follows.preferences.saved");
        return "redirect:/follows/" + id + "/" + signature;
    }

    /** What a link in a letter opens: a button, because mail scanners open links and must not unsubscribe anyone. */
    @GetMapping("/follows/{id}/{signature}/unsubscribe")
    String unsubscribePage(
            @PathVariable UUID id, @PathVariable String signature, Model model, HttpServletResponse response) {
        personal(response);
        model.addAttribute("follow", following.byLink(id, signature));
        model.addAttribute("path", "/follows/" + id + "/" + signature);
        return "follows/unsubscribe";
    }

    /**
     * RFC 8058 one-click unsubscribe (a mail client posts {@code List-Unsubscribe=One-Click}, without a session or a
     * CSRF token: the signed link is the proof), and the button of the page above.
     */
    @PostMapping("/follows/{id}/{signature}/unsubscribe")
    String unsubscribe(
            @PathVariable UUID id, @PathVariable String signature, Model model, HttpServletResponse response) {
        personal(response);
        following.unsubscribe(id, signature);
        model.addAttribute("follow", following.byLink(id, signature));
        model.addAttribute("path", "/follows/" + id + "/" + signature);
        return "follows/unsubscribed";
    }

    private String preferences(Model model, UUID id, String signature) {
        model.addAttribute("follow", following.byLink(id, signature));
        model.addAttribute("path", "/follows/" + id + "/" + signature);
        return "follows/preferences";
    }

    private String form(
            Model model,
            Target target,
            String email,
            Language language,
            Frequency frequency,
            boolean includeChildren,
            FormErrors errors) {
        model.addAttribute("organization", target.organization());
        model.addAttribute("campaign", target.campaign());
        model.addAttribute("frequencies", Frequency.choices(target.target()));
        model.addAttribute("topic", target.topic());
        model.addAttribute("topicLabel", target.topic() == null ? null : following.topicLabel(target.topic()));
        model.addAttribute("email", email);
        model.addAttribute("language", language);
        model.addAttribute("frequency", frequency);
        model.addAttribute("includeChildren", includeChildren);
        model.addAttribute("errors", errors);
        return "follows/follow";
    }

    private Target target(String organization, String topic, String campaign, Ui ui) {
        if (campaign != null && !campaign.isBlank()) {
            var found = following.campaign(campaign.strip(), ui.language());
            return new Target(FollowTarget.campaign(found.id(), found.slug(), null), null, null, found);
        }
        if (organization != null && !organization.isBlank()) {
            var found = following.organization(organization.strip());
            return new Target(FollowTarget.of(found.id()), found, null, null);
        }
        var followed = following.topic(topic == null ? "" : topic.strip());
        return new Target(followed, null, followed.topic(), null);
    }

    private static String name(Target target) {
        if (target.campaign() != null) {
            return target.campaign().title();
        }
        return target.organization() != null ? target.organization().name() : target.topic();
    }

    /** The distance the form shows chosen: the one sent if the form offers it, else its middle choice. */
    private static int parsedKilometres(String kilometres) {
        try {
            var km = Integer.parseInt(kilometres == null ? "" : kilometres.strip());
            return FollowTarget.Near.CHOICES.contains(km) ? km : FollowTarget.Near.CHOICES.get(2);
        } catch (NumberFormatException e) {
            return FollowTarget.Near.CHOICES.get(2);
        }
    }

    /** Pages about one person's follow: no cache, shared or not, keeps them. */
    private static void personal(HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
    }
}
