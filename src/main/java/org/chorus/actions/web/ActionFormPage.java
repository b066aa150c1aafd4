package org.chorus.actions.web;

import java.util.List;
import java.util.Optional;
import org.chorus.actions.ActionForm;
import org.chorus.actions.ActionId;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.places.City;
import org.chorus.places.Gazetteer;
import org.chorus.shared.web.FormErrors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The action form's page as every host gets it (signed in, by email, through a manage link): the chosen city, the
 * cities matching what was typed (found without JavaScript by posting the form back with {@code find}), the host's
 * organizations.
 */
@Component
class ActionFormPage {

    static final int CITY_CHOICES = 10;

    private final CoalitionDirectory organizations;
    private final Gazetteer gazetteer;

    ActionFormPage(CoalitionDirectory organizations, Gazetteer gazetteer) {
        this.organizations = organizations;
        this.gazetteer = gazetteer;
    }

    List<City> suggestions(String q) {
        return gazetteer.suggest(q, Optional.empty(), CITY_CHOICES);
    }

    /** Fills the page's model ({@code actor} null: a host without an account, who names no organization). */
    String show(
            Model model,
            Actor actor,
            PublishedCampaign campaign,
            ActionId editing,
            ActionForm form,
            String q,
            List<City> suggestions,
            FormErrors errors) {
        City chosen = null;
        try {
            chosen = form.city() == null || form.city().isBlank()
                    ? null
                    : gazetteer.city(Long.parseLong(form.city().strip())).orElse(null);
        } catch (NumberFormatException e) {
            // an unknown city is said next to the field
        }
        var cities = suggestions.isEmpty() && chosen != null ? List.of(chosen) : suggestions;
        model.addAttribute("campaign", campaign);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("q", q);
        model.addAttribute("cities", cities);
        model.addAttribute("chosen", chosen);
        model.addAttribute("memberships", actor == null ? List.of() : organizations.membershipsOf(actor));
        model.addAttribute("errors", errors);
        return "actions/edit";
    }
}
