package org.chorus.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.SigningUp;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.actions.ModeratingActions;
import org.chorus.campaigns.Campaign;
import org.chorus.campaigns.CampaignDraft;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.OrganizationProfile;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.places.Gazetteer;
import org.chorus.shared.i18n.Language;
import org.chorus.signons.OpeningSignOns;
import org.chorus.signons.SignOnForm;
import org.chorus.signons.SignOnKind;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SigningOn;
import org.chorus.signons.WhoMaySign;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Signatory;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo coalition once, in an empty database: two commissions, three regional chapters, eight member and
 * two allied organizations in several countries and languages, and a demo person for each role.
 */
@Component
public class DemoData {

    public static final String PASSWORD = "chorus-demo";
    public static final String ADMIN = "admin@chorus.test";

    /** A demo login and what it can do. */
    public record DemoLogin(String email, String what) {}

    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin(ADMIN, "site admin"),
            new DemoLogin("owner@chorus.test", "owner of the coalition"),
            new DemoLogin("editor@chorus.test", "editor of the coalition"),
            new DemoLogin("moderator@chorus.test", "moderator of the coalition"),
            new DemoLogin("member@chorus.test", "member of the coalition"),
            new DemoLogin("amina@chorus.test", "owner of the Africa chapter"));

    private final SigningUp signingUp;
    private final AccountDirectory accounts;
    private final RegisteringOrganizations registering;
    private final ManagingMembers members;
    private final WritingStatements writing;
    private final ReviewingStatements reviewing;
    private final OpeningSignOns openingSignOns;
    private final SigningOn signing;
    private final WritingCampaigns campaigns;
    private final HostingActions hostingActions;
    private final ModeratingActions moderatingActions;
    private final Gazetteer gazetteer;
    private final DemoRsvps rsvps;
    private final DemoLetters letters;
    private final Clock clock;
    private final DemoTurnout turnout;

    DemoData(
            SigningUp signingUp,
            AccountDirectory accounts,
            RegisteringOrganizations registering,
            ManagingMembers members,
            WritingStatements writing,
            ReviewingStatements reviewing,
            OpeningSignOns openingSignOns,
            SigningOn signing,
            WritingCampaigns campaigns,
            HostingActions hostingActions,
            ModeratingActions moderatingActions,
            Gazetteer gazetteer,
            DemoRsvps rsvps,
            Clock clock,
            DemoTurnout turnout,
            DemoLetters letters) {
        this.turnout = turnout;
        this.letters = letters;
        this.campaigns = campaigns;
        this.hostingActions = hostingActions;
        this.moderatingActions = moderatingActions;
        this.gazetteer = gazetteer;
        this.rsvps = rsvps;
        this.clock = clock;
        this.openingSignOns = openingSignOns;
        this.signing = signing;
        this.signingUp = signingUp;
        this.accounts = accounts;
        this.registering = registering;
        this.members = members;
        this.writing = writing;
        this.reviewing = reviewing;
    }

    /** Seeds the demo unless the demo admin already exists; returns whether it seeded. */
    @Transactional
    public boolean seedIfEmpty() {
        if (accounts.findByEmail(ADMIN).isPresent()) {
            return false;
        }
        var admin = new Actor(person(ADMIN, "Sam Admin", Language.ENGLISH, true), true);
        var owner = person("owner@chorus.test", "Olivia Owner", Language.ENGLISH, false);
        var editor = person("editor@chorus.test", "Édouard Éditeur", Language.FRENCH, false);
        var moderator = person("moderator@chorus.test", "María Moderadora", Language.SPANISH, false);
        var member = person("member@chorus.test", "Malik Member", Language.ARABIC, false);
        var amina = person("amina@chorus.test", "Amina Njeri", Language.ENGLISH, false);
        signingUp.signUp("newcomer@chorus.test", "Nadia Newcomer", PASSWORD, Language.FRENCH);

        var coalition = registering.foundCoalition(
                admin,
                profile(
                        "Global Climate Justice Coalition",
                        null,
                        List.of("en", "fr", "es", "ar"),
                        "https://climate-justice.example.org",
                        "A league of climate, housing and labour organizations working for a just transition.\n\n"
                                + "We publish joint statements and coordinate days of action across regions."));
        var justTransition = below(
                admin,
                coalition,
                OrganizationKind.COMMISSION,
                profile(
                        "Commission on Just Transition",
                        null,
                        List.of("en", "es"),
                        null,
                        "Jobs, training and social protection for workers in the energy transition."));
        below(
                admin,
                coalition,
                OrganizationKind.COMMISSION,
                profile(
                        "Commission on Climate Finance",
                        null,
                        List.of("en", "fr"),
                        null,
                        "Public finance for adaptation, loss and damage."));
        var africa = below(
                admin,
                coalition,
                OrganizationKind.CHAPTER,
                profile(
                        "Africa Chapter",
                        "KE",
                        List.of("en", "fr", "sw"),
                        null,
                        "Member organizations across the African continent."));
        var latinAmerica = below(
                admin,
                coalition,
                OrganizationKind.CHAPTER,
                profile(
                        "Latin America Chapter",
                        "BR",
                        List.of("es", "pt"),
                        null,
                        "Capítulo regional de América Latina y el Caribe."));
        var europe = below(
                admin,
                coalition,
                OrganizationKind.CHAPTER,
                profile("Europe Chapter", "BE", List.of("en", "fr", "de"), null, "Regional chapter for Europe."));

        below(
                admin,
                africa,
                OrganizationKind.MEMBER,
                profile(
                        "Green Belt Collective",
                        "KE",
                        List.of("en", "sw"),
                        "https://greenbelt.example.org",
                        "Tree planting and land rights in Kenya."));
        below(
                admin,
                africa,
                OrganizationKind.MEMBER,
                profile(
                        "Réseau Climat Sahel",
                        "SN",
                        List.of("fr", "wo"),
                        null,
                        "Réseau d’associations pour l’adaptation au Sahel."));
        below(
                admin,
                latinAmerica,
                OrganizationKind.MEMBER,
                profile(
                        "Red de Justicia Climática",
                        "MX",
                        List.of("es"),
                        null,
                        "Organizaciones mexicanas por la justicia climática."));
        below(
                admin,
                latinAmerica,
                OrganizationKind.MEMBER,
                profile(
                        "Coletivo Clima Justo",
                        "BR",
                        List.of("pt"),
                        null,
                        "Coletivo de bairros pela justiça climática."));
        below(
                admin,
                europe,
                OrganizationKind.MEMBER,
                profile(
                        "Collectif Climat Lyon",
                        "FR",
                        List.of("fr"),
                        null,
                        "Collectif lyonnais pour le climat et le logement."));
        below(
                admin,
                europe,
                OrganizationKind.MEMBER,
                profile(
                        "Energy Democracy Berlin",
                        "DE",
                        List.of("de", "en"),
                        null,
                        "Community energy cooperatives in Berlin."));
        below(
                admin,
                coalition,
                OrganizationKind.MEMBER,
                profile(
                        "جمعية العمل المناخي في بيروت",
                        "LB",
                        List.of("ar", "en", "fr"),
                        null,
                        "جمعية تعمل من أجل العدالة المناخية والسكن في لبنان."));
        below(
                admin,
                coalition,
                OrganizationKind.MEMBER,
                profile(
                        "Tenants and Climate Alliance Manila",
                        "PH",
                        List.of("tl", "en"),
                        null,
                        "Tenant unions organizing for climate-safe housing."));
        below(
                admin,
                coalition,
                OrganizationKind.ALLIED,
                profile(
                        "Housing Rights Forum",
                        "IN",
                        List.of("hi", "en"),
                        null,
                        "A national forum for the right to adequate housing."));
        below(
                admin,
                coalition,
                OrganizationKind.ALLIED,
                profile(
                        "Transport Workers’ Federation",
                        "ZA",
                        List.of("en", "zu"),
                        null,
                        "A union federation of transport workers."));

        members.grant(admin, coalition.id(), owner, Role.OWNER);
        members.grant(admin, coalition.id(), editor, Role.EDITOR);
        members.grant(admin, coalition.id(), moderator, Role.MODERATOR);
        members.grant(admin, coalition.id(), member, Role.MEMBER);
        members.grant(admin, africa.id(), amina, Role.OWNER);
        members.grant(admin, justTransition.id(), editor, Role.EDITOR);
        members.grant(admin, europe.id(), amina, Role.OWNER);
        members.grant(admin, latinAmerica.id(), editor, Role.EDITOR);
        // co-issuers are named only by people who write for them
        members.grant(admin, africa.id(), owner, Role.EDITOR);

        var finance = statements(
                new Actor(owner, false),
                new Actor(editor, false),
                new Actor(amina, false),
                coalition,
                africa,
                europe,
                latinAmerica);
        var campaign = campaign(new Actor(owner, false), coalition, List.of(africa, latinAmerica, europe), finance);
        actions(new Actor(owner, false), List.of(new Actor(member, false), new Actor(amina, false)), campaign);
        rsvps.seed(
                campaign.slug(),
                List.of(
                        new Actor(owner, false),
                        new Actor(member, false),
                        new Actor(amina, false),
                        new Actor(editor, false)));
        turnout.seed(new Actor(owner, false), coalition);
        letters.letter(new Actor(owner, false), campaign);
        return true;
    }

    private Statement statements(
            Actor owner,
            Actor editor,
            Actor amina,
            Organization coalition,
            Organization africa,
            Organization europe,
            Organization latinAmerica) {
        var finance = writing.draft(
                owner,
                coalition.id(),
                new StatementDraft(
                        "en",
                        "Public finance for a just transition, now",
                        "Joint statement ahead of the climate finance summit",
                        """
                The Global Climate Justice Coalition and its member organizations call on governments to deliver
                **public, grant-based finance** for adaptation, and for loss and damage.

                ## Our demands

                1. Double adaptation finance by 2028, as grants, not loans.
                2. Fund the loss and damage fund at the scale of the need.
                3. Protect workers and communities in the energy transition.

                | Region | Adaptation need (yearly) |
                |---|---|
                | Africa | very high |
                | Small islands | very high |

                We will mark the summit with local days of action in every region.
                """,
                        "2026-11-20",
                        "Nairobi",
                        "climate finance, just transition",
                        true,
                        List.of("africa-chapter"),
                        List.of(
                                new Signatory("Olivia Owner", "Coordinator", "Global Climate Justice Coalition"),
                                new Signatory("Amina Njeri", "Chairperson", "Africa Chapter"))));
        reviewing.approve(owner, finance.id(), null);
        writing.translate(
                owner,
                finance.id(),
                "fr",
                "Des financements publics pour une transition juste, maintenant",
                "Déclaration commune avant le sommet sur la finance climat",
                "La Coalition mondiale pour la justice climatique appelle les gouvernements à fournir des "
                        + "**financements publics sous forme de dons** pour l’adaptation, les pertes et les préjudices.",
                "Édouard Éditeur",
                true);
        writing.translate(
                owner,
                finance.id(),
                "ar",
                "تمويل عام لانتقال عادل، الآن",
                "بيان مشترك قبل قمة تمويل المناخ",
                "يدعو التحالف العالمي من أجل العدالة المناخية الحكومات إلى تقديم **تمويل عام على شكل منح** للتكيّف "
                        + "وللخسائر والأضرار.",
                "Malik Member",
                true);
        signOns(owner, finance);
        writing.republish(
                amina,
                europe.id(),
                finance.slug(),
                "The Europe Chapter endorses this call and will join the days of action.");

        var housing = writing.draft(
                editor,
                latinAmerica.id(),
                new StatementDraft(
                        "es",
                        "Vivienda digna frente a la crisis climática",
                        "",
                        "Las organizaciones del capítulo de América Latina exigimos viviendas seguras frente a inundaciones "
                                + "y olas de calor, y el fin de los desalojos.",
                        "2026-10-05",
                        "Ciudad de México",
                        "vivienda, adaptación",
                        false,
                        List.of(),
                        List.of()));
        reviewing.approve(new Actor(accounts.findByEmail(ADMIN).orElseThrow().id(), true), housing.id(), null);

        var draft = writing.draft(
                editor,
                coalition.id(),
                new StatementDraft(
                        "en",
                        "Solidarity with striking transport workers",
                        "",
                        "Our coalition stands with transport workers who demand safe jobs in clean public transport.",
                        null,
                        null,
                        "labour rights",
                        false,
                        List.of(),
                        List.of()));
        reviewing.submit(editor, draft.id());
        return finance;
    }

    /**
     * A published campaign, "Climate action fortnight": 7–21 October next (the demo's clock decides which October), with
     * days of action on the 12th and 13th, three demands, the chapters as partners, resting on the finance statement;
     * in English and French.
     */
    private Campaign campaign(Actor owner, Organization coalition, List<Organization> partners, Statement finance) {
        var today = LocalDate.now(clock);
        var october = LocalDate.of(today.getYear(), 10, 1);
        var year = today.isBefore(october) ? today.getYear() : today.getYear() + 1;
        var demands = "Public, grant-based finance for adaptation\n"
                + "A loss and damage fund at the scale of the need\n"
                + "A just transition for workers and communities";
        var campaign = campaigns.create(
                owner,
                coalition.id(),
                new CampaignDraft(
                        "en",
                        "Climate action fortnight",
                        "Two weeks of local actions everywhere, with two international days of action.",
                        """
                        From 7 to 21 October, member organizations and friends everywhere hold their own actions:
                        a rally, a teach-in, letters to their own government, an action online.

                        On the **international days of action**, 12 and 13 October, we act together, in every time zone.""",
                        demands,
                        "UTC",
                        LocalDate.of(year, 10, 7).toString(),
                        LocalDate.of(year, 10, 21).toString(),
                        List.of(
                                LocalDate.of(year, 10, 12).toString(),
                                LocalDate.of(year, 10, 13).toString()),
                        List.of("PROTEST", "EDUCATIONAL", "LETTER", "ONLINE"),
                        String.join(
                                "\n", partners.stream().map(Organization::slug).toList()),
                        finance.slug()));
        campaigns.translate(
                owner,
                campaign.slug(),
                "fr",
                "Quinzaine d’action pour le climat",
                "Deux semaines d’actions locales partout, avec deux journées d’action internationales.",
                """
                Du 7 au 21 octobre, les organisations membres et leurs ami·es tiennent partout leurs propres actions :
                un rassemblement, un atelier, des lettres à leur gouvernement, une action en ligne.

                Lors des **journées d’action internationales**, les 12 et 13 octobre, nous agissons ensemble, dans tous
                les fuseaux horaires.""",
                "Un financement public, sous forme de dons, pour l’adaptation\n"
                        + "Un fonds pour les pertes et préjudices à la hauteur des besoins\n"
                        + "Une transition juste pour les travailleur·ses et les communautés");
        return campaigns.publish(owner, campaign.slug());
    }

    /** Cities of the demo's actions, by name and country, on every continent. */
    private static final List<String> ACTION_CITIES = List.of(
            "Nairobi KE",
            "Lagos NG",
            "Accra GH",
            "Dakar SN",
            "Johannesburg ZA",
            "Kampala UG",
            "Addis Ababa ET",
            "Cairo EG",
            "Tunis TN",
            "Casablanca MA",
            "Kinshasa CD",
            "Dar es Salaam TZ",
            "Lusaka ZM",
            "Harare ZW",
            "Maputo MZ",
            "Abidjan CI",
            "Bamako ML",
            "Beirut LB",
            "Amman JO",
            "Istanbul TR",
            "Karachi PK",
            "Lahore PK",
            "Dhaka BD",
            "Delhi IN",
            "Mumbai IN",
            "Kathmandu NP",
            "Colombo LK",
            "Bangkok TH",
            "Manila PH",
            "Jakarta ID",
            "Kuala Lumpur MY",
            "Hanoi VN",
            "Seoul KR",
            "Tokyo JP",
            "Taipei TW",
            "Suva FJ",
            "Apia WS",
            "Auckland NZ",
            "Sydney AU",
            "Melbourne AU",
            "Toronto CA",
            "Montreal CA",
            "Vancouver CA",
            "New York US",
            "Chicago US",
            "Los Angeles US",
            "Mexico City MX",
            "Guatemala City GT",
            "San Jose CR",
            "Havana CU",
            "Bogota CO",
            "Quito EC",
            "Lima PE",
            "La Paz BO",
            "Santiago CL",
            "Buenos Aires AR",
            "Montevideo UY",
            "Sao Paulo BR",
            "Rio de Janeiro BR",
            "Caracas VE",
            "London GB",
            "Dublin IE",
            "Paris FR",
            "Marseille FR",
            "Brussels BE",
            "Amsterdam NL",
            "Berlin DE",
            "Copenhagen DK",
            "Stockholm SE",
            "Oslo NO",
            "Helsinki FI",
            "Warsaw PL",
            "Prague CZ",
            "Vienna AT",
            "Rome IT",
            "Madrid ES",
            "Barcelona ES",
            "Lisbon PT",
            "Athens GR",
            "Bucharest RO",
            "Kyiv UA",
            "Tbilisi GE");

    private static final List<String> ACTION_TITLES = List.of(
            "Rally for climate finance",
            "Teach-in: who pays for loss and damage?",
            "Letters to our finance minister",
            "Online assembly of the coalition",
            "March to parliament",
            "Community workshop on a just transition");

    /**
     * A few hundred actions under the campaign in many countries, on its days and mostly on its two days of action:
     * most approved (their host organizes the campaign), some waiting for review (other hosts), one cancelled, a few
     * flagship ones, a few showing only their city.
     */
    private void actions(Actor organizer, List<Actor> others, Campaign campaign) {
        var days = new java.util.ArrayList<LocalDate>();
        for (var day = campaign.plan().startsOn(); !day.isAfter(campaign.plan().endsOn()); day = day.plusDays(1)) {
            days.add(day);
        }
        var kinds = List.of("PROTEST", "EDUCATIONAL", "LETTER", "ONLINE");
        for (int i = 0; i < 320; i++) {
            var words = ACTION_CITIES.get(i % ACTION_CITIES.size());
            var country = words.substring(words.length() - 2);
            var found = gazetteer.suggest(words.substring(0, words.length() - 3), java.util.Optional.of(country), 1);
            if (found.isEmpty()) {
                continue; // a gazetteer without that city still seeds the others
            }
            var city = found.getFirst();
            // two in three on the days of action, the others spread over the fortnight
            var day = i % 3 == 2
                    ? days.get((i * 7) % days.size())
                    : campaign.plan().daysOfAction().get(i % 2);
            var kind = kinds.get(i % kinds.size());
            var online = kind.equals("ONLINE");
            var start = day.atTime(9 + i % 10, (i % 4) * 15);
            var form = new ActionForm(
                    kind,
                    ACTION_TITLES.get(i % ACTION_TITLES.size()) + " — " + city.name(),
                    "Join us in " + city.name() + ". Bring friends, signs and questions.",
                    "",
                    start.toString(),
                    start.plusHours(2).toString(),
                    online ? city.timeZone().getId() : "",
                    online ? "https://meet.example.org/" + city.id() : "",
                    online ? "" : "Central square",
                    "",
                    online ? "" : Long.toString(city.id()),
                    "",
                    "",
                    i % 25 == 3,
                    i % 5 == 0 ? "Step-free access; sign language interpretation." : "");
            var host = i % 8 == 7 ? others.get(i % others.size()) : organizer;
            var action = hostingActions.register(host, campaign.slug(), form);
            if (i == 11) {
                hostingActions.cancel(organizer, action.id());
            } else if (i % 40 == 0) {
                moderatingActions.flagship(organizer, action.id(), true);
            }
        }
    }

    /** The finance statement open for sign-on, with a few hundred sign-ons from many countries already listed. */
    private void signOns(Actor owner, Statement finance) {
        openingSignOns.open(
                owner,
                finance.slug(),
                new SignOnOpening.Choices(
                        WhoMaySign.BOTH,
                        null,
                        true,
                        true,
                        false,
                        "Thank you for signing. Share the statement with your networks and join a day of action.",
                        365),
                Language.ENGLISH);
        var countries = List.of(
                "KE", "NG", "SN", "ZA", "GH", "EG", "MA", "TN", "ET", "UG", "TZ", "CM", "FR", "DE", "ES", "IT", "PT",
                "BE", "NL", "SE", "PL", "GB", "IE", "BR", "AR", "CL", "CO", "MX", "PE", "EC", "BO", "US", "CA", "IN",
                "BD", "PK", "NP", "LK", "PH", "ID", "VN", "JP", "KR", "AU", "NZ", "FJ", "LB", "JO", "TR");
        var kinds =
                List.of("Climate Action", "Housing Rights", "Workers' Union", "Youth for Climate", "Just Transition");
        var given = List.of("Ana", "Kofi", "Leila", "Mateo", "Priya", "Sven", "Yuki", "Zainab", "Omar", "Chloé");
        var family = List.of("Mensah", "Haddad", "García", "Sharma", "Nilsson", "Tanaka", "Okafor", "Dubois");
        var forms = new ArrayList<SignOnForm>();
        for (int i = 0; i < 320; i++) {
            var country = countries.get(i % countries.size());
            if (i % 4 == 0) {
                var name = kinds.get(i / 4 % kinds.size()) + " "
                        + Locale.of("", country).getDisplayCountry(Locale.ENGLISH);
                forms.add(new SignOnForm(
                        SignOnKind.ORGANIZATION,
                        name,
                        "contact" + i + "@signons.chorus.test",
                        country,
                        "",
                        "",
                        "",
                        "",
                        "Demo Contact " + i,
                        false,
                        List.of()));
            } else {
                var name = given.get(i % given.size()) + " " + family.get(i / given.size() % family.size());
                forms.add(new SignOnForm(
                        SignOnKind.PERSON,
                        name,
                        "person" + i + "@signons.chorus.test",
                        country,
                        i % 3 == 0 ? "University of the Commons" : "",
                        i % 5 == 0 ? "Researcher" : "",
                        "",
                        "",
                        "",
                        i % 2 == 0,
                        List.of()));
            }
        }
        signing.seedListed(finance.id(), forms, Language.ENGLISH);
    }

    private AccountId person(String email, String name, Language language, boolean admin) {
        return signingUp.createActive(email, name, PASSWORD, language, admin);
    }

    private Organization below(Actor admin, Organization parent, OrganizationKind kind, OrganizationProfile profile) {
        return registering.registerBelow(admin, parent.slug(), kind, profile);
    }

    private static OrganizationProfile profile(
            String name, String country, List<String> languages, String website, String description) {
        return new OrganizationProfile(name, country, languages, website, description);
    }
}
