package org.chorus.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chorus.campaigns.Campaign;
import org.chorus.letters.WritingLetters;
import org.chorus.organizations.Actor;
import org.springframework.stereotype.Component;

/**
 * The demo campaign's letter to officials, in English and French, open from today to the campaign's last day, with
 * invented officials in a few countries: addresses under {@code .example} and forms on {@code example.org}, never a
 * real person's.
 */
@Component
class DemoLetters {

    private final WritingLetters writing;
    private final Clock clock;

    DemoLetters(WritingLetters writing, Clock clock) {
        this.writing = writing;
        this.clock = clock;
    }

    /** One official: country, office, name, address or contact form, note. */
    private record Official(String country, String office, String name, String email, String webForm, String note) {}

    private static final List<Official> OFFICIALS = List.of(
            new Official("KE", "Cabinet Secretary for the Treasury", "Wanjiru Demo", "treasury@ke.gov.example", "", ""),
            new Official(
                    "KE", "Cabinet Secretary for Environment", "Otieno Demo", "environment@ke.gov.example", "", ""),
            new Official(
                    "KE",
                    "Speaker of the National Assembly",
                    "Achieng Demo",
                    "",
                    "https://example.org/ke/assembly",
                    "Uses the Assembly's contact form."),
            new Official("FR", "Ministre de l'Économie", "Camille Démo", "economie@fr.gouv.example", "", ""),
            new Official(
                    "FR",
                    "Ministre de la Transition écologique",
                    "Dominique Démo",
                    "",
                    "https://example.org/fr/ecologie",
                    ""),
            new Official("BR", "Ministra do Meio Ambiente", "Joana Demo", "meioambiente@br.gov.example", "", ""),
            new Official("IN", "Minister of Finance", "Arjun Demo", "finance@in.gov.example", "", ""),
            new Official(
                    "CA",
                    "Minister of Environment and Climate Change",
                    "Taylor Demo",
                    "environment@ca.gc.example",
                    "",
                    "Writes back in English or French."));

    void letter(Actor owner, Campaign campaign) {
        var opens = LocalDate.now(clock);
        var closes = campaign.plan().endsOn();
        writing.save(
                owner,
                campaign.slug(),
                new WritingLetters.LetterForm(
                        true,
                        opens.toString(),
                        (closes.isBefore(opens) ? opens : closes).toString(),
                        true,
                        Map.of(
                                "subject_en", "Fund loss and damage at the scale of the need",
                                "opening_en", "Dear Minister,",
                                "core_en", """
                                        During the Climate action fortnight, people in more than eighty countries are \
                                        asking their governments to act.

                                        We ask you to support public, grant-based finance for adaptation, a loss and \
                                        damage fund at the scale of the need, and a just transition for workers and \
                                        communities.""",
                                "closing_en", "Yours sincerely,",
                                "subject_fr", "Financez les pertes et préjudices à la hauteur des besoins",
                                "opening_fr", "Madame, Monsieur le Ministre,",
                                "core_fr", """
                                        Pendant la Quinzaine d’action pour le climat, des personnes de plus de quatre-vingts \
                                        pays demandent à leur gouvernement d’agir.

                                        Nous vous demandons de soutenir un financement public, sous forme de dons, pour \
                                        l’adaptation, un fonds pour les pertes et préjudices à la hauteur des besoins, et \
                                        une transition juste pour les travailleur·ses et les communautés.""",
                                "closing_fr", "Veuillez agréer l’expression de notre haute considération,")));
        for (var o : OFFICIALS) {
            writing.addTarget(
                    owner,
                    campaign.slug(),
                    new WritingLetters.TargetForm(o.country(), o.office(), o.name(), o.email(), o.webForm(), o.note()));
        }
    }
}
