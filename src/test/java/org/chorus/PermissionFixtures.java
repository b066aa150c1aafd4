package org.chorus;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chorus.PermissionPolicy.Caller;
import org.chorus.accounts.ApiTokens;
import org.chorus.accounts.ChangingEmail;
import org.chorus.accounts.ChorusUser;
import org.chorus.accounts.ResettingPasswords;
import org.chorus.accounts.SigningUp;
import org.chorus.comments.CommentFixtures;
import org.chorus.comments.Commenting;
import org.chorus.comments.CommentingAsGuest;
import org.chorus.comments.SpamSignals;
import org.chorus.follows.Announcing;
import org.chorus.follows.FollowTarget;
import org.chorus.follows.Following;
import org.chorus.follows.Frequency;
import org.chorus.images.TestImages;
import org.chorus.images.UploadingImages;
import org.chorus.imports.ImportingWordPress;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.i18n.Language;
import org.chorus.signons.OpeningSignOns;
import org.chorus.signons.SignOnFixtures;
import org.chorus.signons.SignOnOpening;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.statements.WritingStatements;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.springframework.context.ApplicationContext;

/**
 * The world the permission matrix acts in, made through the real use cases: an organization ("own") where the callers
 * have their roles, another one with its owner, a published statement open to comments (with a translation and a
 * correction), a draft, comments, an announcement, invitations, follows and the links people get by email. It fills
 * in every path variable an endpoint has ({@link #VARIABLES}) and the form a call sends ({@link #FORMS}). What a call
 * would use up or change for the others (a workflow step, a moderation decision, a removal) gets a fresh one.
 */
final class PermissionFixtures {

    /** One call being prepared: the endpoint, the path variables known so far, and who calls. */
    record Call(String endpoint, Map<String, String> values, Caller caller) {}

    /** A path variable's values: several fixed ones (each a request of its own), or one made for each call. */
    record Variable(List<String> fixed, Function<Call, String> perCall) {}

    /** What a call sends besides its path: form fields, headers, a JSON body. */
    record Form(Map<String, String> params, Map<String, String> headers, String json) {

        static final Form NONE = new Form(Map.of(), Map.of(), null);

        Form with(String param, String value) {
            var more = new LinkedHashMap<>(params);
            more.put(param, value);
            return new Form(more, headers, json);
        }
    }

    final Map<String, Variable> variables = new LinkedHashMap<>();
    final Map<String, List<Function<Call, Form>>> forms = new LinkedHashMap<>();
    final Map<Caller, ChorusUser> people = new EnumMap<>(Caller.class);
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    private final Fixtures fixtures;
    private final StatementFixtures statements;
    private final WritingStatements writing;
    private final ReviewingStatements reviewing;
    private final Commenting commenting;
    private final ManagingMembers members;
    private final RegisteringOrganizations registering;
    private final Announcing announcing;
    private final TestClock clock;

    private final Organization own;
    private final Organization other;
    private final Actor owner;
    private final CommentFixtures comments;
    private final SignOnFixtures signOns;
    /** An approved action with a public turnout report (the API's read of it). */
    private String reportedAction;

    private final org.chorus.signons.SignOnRows signOnRows;
    private final java.util.UUID wordPressImport;
    private final Statement published;
    private final Statement draft;
    private final Statement elsewhere;
    private final Statement republication;
    private final String comment;
    private final ChorusUser commenter;
    private final ChorusUser target;
    private final long announcement;
    private final Map<String, String> followSignatures = new LinkedHashMap<>();
    private final String following;
    private final String unsubscribing;

    PermissionFixtures(ApplicationContext context) {
        fixtures = context.getBean(Fixtures.class);
        statements = context.getBean(StatementFixtures.class);
        writing = context.getBean(WritingStatements.class);
        reviewing = context.getBean(ReviewingStatements.class);
        commenting = context.getBean(Commenting.class);
        members = context.getBean(ManagingMembers.class);
        registering = context.getBean(RegisteringOrganizations.class);
        announcing = context.getBean(Announcing.class);
        clock = context.getBean(TestClock.class);

        own = fixtures.coalition();
        other = fixtures.coalition();
        for (var caller : Caller.values()) {
            switch (caller) {
                case ANONYMOUS, TOKEN, SITE_ADMIN_TOKEN -> {}
                case SITE_ADMIN ->
                    people.put(caller, fixtures.adminUser(fixtures.admin().id()));
                default -> people.put(caller, fixtures.person(caller.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        fixtures.grant(own, people.get(Caller.MEMBER), Role.MEMBER);
        fixtures.grant(own, people.get(Caller.MODERATOR), Role.MODERATOR);
        fixtures.grant(own, people.get(Caller.EDITOR), Role.EDITOR);
        fixtures.grant(own, people.get(Caller.OWNER), Role.OWNER);
        fixtures.grant(own, people.get(Caller.REVIEWER), Role.EDITOR);
        fixtures.grant(other, people.get(Caller.OTHER_OWNER), Role.OWNER);
        owner = Actor.of(people.get(Caller.OWNER));
        members.designateReviewer(owner, own.id(), people.get(Caller.REVIEWER).id(), true);
        fixtures.grant(own, people.get(Caller.SIGN_ON_ORGANIZER), Role.MEMBER);
        context.getBean(org.chorus.signons.DesignatingOrganizers.class)
                .designate(
                        owner, own.slug(), people.get(Caller.SIGN_ON_ORGANIZER).id(), true);
        var apiTokens = context.getBean(ApiTokens.class);
        // tokens that may do everything their account may: the scopes are checked by ApiScopesTest
        tokens.put(
                Caller.TOKEN,
                apiTokens.create(people.get(Caller.OWNER).email(), "matrix", ApiTokens.DEFAULT_DAYS, ApiTokens.SCOPES));
        tokens.put(
                Caller.SITE_ADMIN_TOKEN,
                apiTokens.create(
                        people.get(Caller.SITE_ADMIN).email(), "matrix", ApiTokens.DEFAULT_DAYS, ApiTokens.SCOPES));

        comments = context.getBean(CommentFixtures.class);
        wordPressImport = context.getBean(ImportingWordPress.class)
                .start(
                        owner,
                        own.id(),
                        new java.io.ByteArrayInputStream("""
                        <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Empty</title></channel></rss>
                        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "en");
        published = comments.published(owner, own, true);
        writing.translate(owner, published.id(), "fr", "Déclaration", "", "Nous demandons.", "Traductrice", true);
        signOns = context.getBean(SignOnFixtures.class);
        context.getBean(OpeningSignOns.class)
                .open(owner, published.slug(), SignOnOpening.Choices.defaults(), Language.ENGLISH);
        writing.edit(owner, published.id(), statementDraft(Fixtures.unique("Corrected")), "A correction");
        draft = statements.draft(owner, own, "en", Fixtures.unique("Draft"), "We ask for this.");
        var otherOwner = Actor.of(people.get(Caller.OTHER_OWNER));
        elsewhere = statements.published(otherOwner, other, "en", Fixtures.unique("Elsewhere"), "Said elsewhere.");
        republication = writing.republish(owner, own.id(), elsewhere.slug(), "Why we carry it.");
        comment = post(people.get(Caller.MEMBER), "A comment by the member.");
        commenter = fixtures.person("commenter");
        target = fixtures.person("target");
        announcement = announcement();

        // links people get by email
        var signingUp = context.getBean(SigningUp.class);
        var pendingForActivation =
                signingUp.signUp(Fixtures.uniqueEmail("pending"), "Pending", Fixtures.PASSWORD, Language.ENGLISH);
        var signingUpEmail = Fixtures.uniqueEmail("signing-up");
        signingUp.signUp(signingUpEmail, "Signing up", Fixtures.PASSWORD, Language.ENGLISH);
        var forgetful = fixtures.person("forgetful");
        var resetLink = context.getBean(ResettingPasswords.class)
                .requestLink(forgetful.email())
                .orElseThrow();
        var moving = fixtures.person("moving");
        var newAddress = Fixtures.uniqueEmail("moved");
        context.getBean(ChangingEmail.class).request(moving.id(), newAddress, Fixtures.PASSWORD);
        var guestEmail = Fixtures.uniqueEmail("guest");
        context.getBean(CommentingAsGuest.class)
                .post(
                        published.slug(),
                        null,
                        new CommentingAsGuest.GuestComment("A guest", guestEmail, "A guest's comment."),
                        signals(),
                        Language.ENGLISH);
        var followingBean = context.getBean(Following.class);
        var follower = Fixtures.uniqueEmail("follower");
        var stayingFollower = Fixtures.uniqueEmail("staying");
        var leavingFollower = Fixtures.uniqueEmail("leaving");
        for (var email : List.of(follower, stayingFollower, leavingFollower)) {
            followingBean.follow(new Following.Request(
                    email, FollowTarget.of(own.id()), Language.ENGLISH, Frequency.IMMEDIATE, false, "192.0.2.30"));
        }
        var signUpToken = token(signingUpEmail, "/signup/confirm/");
        var emailChangeToken = token(newAddress, "/email-change/");
        var guestToken = token(guestEmail, "/guest-comments/");
        var followToken = token(follower, "/follows/confirm/");
        following = confirmedFollow(followingBean, token(stayingFollower, "/follows/confirm/"));
        unsubscribing = confirmedFollow(followingBean, token(leavingFollower, "/follows/confirm/"));

        // path variables, by the pattern up to and including the variable
        fixed("/o/{slug}", own.slug());
        fixed("/o/{org}", own.slug());
        perCall("/s/{slug}", this::statementFor);
        fixed("/s/{slug}/{language}", "fr");
        fixed("/s/{slug}/revisions/{from}", "1");
        fixed("/s/{slug}/revisions/{from}/{to}", "2");
        fixed("/api/v1/organizations/{slug}", own.slug());
        // a retraction uses a published statement up: each call with a token has its own
        perCall(
                "/api/v1/statements/{slug}",
                call -> call.endpoint().endsWith("/retract") && byToken(call)
                        ? statements
                                .published(owner, own, "en", Fixtures.unique("To retract by API"), "We ask.")
                                .slug()
                        // closing uses an opened sign-on up
                        : call.endpoint().endsWith("/signon-opening/close") && byToken(call)
                                ? signOns.opened(owner, own).slug()
                                : published.slug());
        fixed("/api/v1/statements/{slug}/translations/{language}", "fr");
        form(
                "PUT /api/v1/statements/{slug}/translations/{language}",
                call -> new Form(Map.of(), Map.of(), "{\"title\": \"Notre appel\", \"body\": \"Nous demandons.\"}"));
        form(
                "PUT /api/v1/statements/{slug}/signon-opening",
                call -> new Form(Map.of(), Map.of(), "{\"whoMaySign\": \"BOTH\"}"));
        form(
                "POST /api/v1/statements/{slug}/retract",
                call -> new Form(Map.of(), Map.of(), "{\"note\": \"Superseded.\"}"));
        fixed("/api/osdi/v1/organizations/{slug}", own.slug());
        form("PATCH /api/v1/organizations/{slug}", call -> new Form(Map.of(), Map.of("If-Match", "*"), "{}"));
        // a member organization needs a name: without one it is refused past the permission check (422)
        form(
                "POST /api/v1/organizations/{slug}/organizations",
                call -> new Form(Map.of(), Map.of(), "{\"kind\": \"MEMBER\", \"country\": \"KE\"}"));
        // republishing its own statement is refused past the permission check (422): nothing is made
        form(
                "POST /api/v1/organizations/{slug}/republications",
                call -> new Form(Map.of(), Map.of(), "{\"source\": \"" + published.slug() + "\"}"));
        fixed("/api/osdi/v1/petitions/{slug}", published.slug());
        fixed("/admin/accounts/{id}", pendingForActivation.value().toString());
        fixed("/signup/confirm/{token}", signUpToken);
        fixed("/password/reset/{token}", resetLink.substring(resetLink.lastIndexOf('/') + 1));
        fixed("/email-change/{token}", emailChangeToken);
        perCall("/invitations/{token}", call -> invitation());
        perCall("/o/{slug}/manage/invitations/{invitation}", call -> pendingInvitation());
        perCall("/o/{slug}/manage/members/{account}", call -> {
            // a member again before each call, whatever the call before did to them
            fixtures.grant(own, target, Role.MEMBER);
            return target.id().toString();
        });
        perCall("/o/{slug}/manage/children/{child}", call -> pendingChild());
        // webhooks: an endpoint of the organization's for each call (a removal uses it up); its deliveries are none,
        // so sending one again answers 409 past the permission check
        var webhooks = context.getBean(org.chorus.webhooks.ManagingWebhooks.class);
        perCall(
                "/o/{slug}/manage/webhooks/{id}",
                call -> webhooks.register(
                                owner,
                                own.slug(),
                                "http://127.0.0.1:9/hooks/matrix",
                                List.of("statement.published"),
                                "matrix")
                        .id()
                        .toString());
        fixed("/o/{slug}/manage/webhooks/{id}/deliveries/{delivery}", "1");
        perCall(
                "/api/v1/organizations/{slug}/webhooks/{id}",
                call -> webhooks.register(
                                owner,
                                own.slug(),
                                "http://127.0.0.1:9/hooks/matrix",
                                List.of("statement.published"),
                                "matrix by API")
                        .id()
                        .toString());
        form("POST /api/v1/organizations/{slug}/webhooks", call -> new Form(Map.of(), Map.of(), """
                        {"url": "http://127.0.0.1:9/hooks/matrix", "events": ["action.created"]}"""));
        form("POST /api/v1/actions/{id}/reject", call -> new Form(Map.of(), Map.of(), "{\"reason\": \"Not ours.\"}"));
        form("PUT /api/v1/actions/{id}/flagship", call -> new Form(Map.of(), Map.of(), "{\"flagship\": true}"));
        form("PUT /api/v1/actions/{id}/trust", call -> new Form(Map.of(), Map.of(), "{\"host\": false}"));
        form("PUT /api/v1/actions/{id}/turnout/hidden", call -> new Form(Map.of(), Map.of(), "{\"hidden\": false}"));
        form(
                "POST /o/{slug}/manage/webhooks",
                call -> params("url", "http://127.0.0.1:9/hooks/matrix", "events", "action.created"));
        perCall("/o/{slug}/sign-on-organizers/{account}", call -> {
            fixtures.grant(own, target, Role.MEMBER);
            return target.id().toString();
        });
        perCall(
                "/o/{slug}/manage/announcements/{id}",
                call -> String.valueOf(
                        call.endpoint().matches(".*/(send|schedule|cancel)$") ? announcement() : announcement));
        fixed("/o/{slug}/imports/{id}", wordPressImport.toString());
        // co-issue requests: one pending from own's published statement to the other organization, asked again after a
        // withdrawal; and a fresh one from the other organization to own for each answer, since an answer uses it up
        var coIssuing = context.getBean(org.chorus.statements.CoIssuing.class);
        perCall(
                "/s/{slug}/co-issuers/{request}",
                call -> coIssuing.sent(owner, published.id()).stream()
                        .filter(l -> l.request().pending())
                        .findFirst()
                        .map(l -> l.request())
                        .orElseGet(() -> coIssuing.request(owner, published.id(), other.slug()))
                        .id()
                        .toString());
        perCall(
                "/o/{org}/manage/co-issue-requests/{request}",
                call -> coIssuing
                        .request(
                                otherOwner,
                                statements
                                        .draft(otherOwner, other, "en", Fixtures.unique("Joint"), "Together.")
                                        .id(),
                                own.slug())
                        .id()
                        .toString());
        fixed("/comments/{id}", comment);
        fixed("/o/{org}/comments/{id}/{decision}", "approve", "reject", "spam", "ban");
        perCall(
                "/o/{org}/comments/{id}",
                // a ban is for the author: each has their own, so no one else is banned from commenting
                call -> post(call.values().get("decision").equals("ban") ? fixtures.person("banned") : commenter, "A"));
        fixed("/guest-comments/{token}", guestToken);
        // a sign-on's links: confirming again is harmless; a withdrawal uses its link up, so each call has its own
        fixed("/signons/confirm/{token}", SignOnFixtures.token(signOnLink("/signons/confirm/")));
        perCall("/signons/withdraw/{token}", call -> SignOnFixtures.token(signOnLink("/signons/withdraw/")));
        // a sign-on waiting for approval on the published statement, fresh for each call (a decision uses it up)
        signOnRows = context.getBean(org.chorus.signons.SignOnRows.class);
        perCall("/s/{slug}/sign-on/signers/{id}", call -> waitingSignOn());
        perCall("/api/v1/statements/{slug}/signons/{id}", call -> waitingSignOn());
        form(
                "POST /api/v1/statements/{slug}/signons/{id}/merge",
                call -> new Form(Map.of(), Map.of(), "{\"into\": \"" + waitingSignOn() + "\"}"));
        form(
                "PATCH /api/v1/statements/{slug}/signons/{id}",
                call -> new Form(Map.of(), Map.of(), "{\"name\": \"Renamed group\"}"));
        // a person the published statement's list names
        var named = signOnRows
                .person(published.id(), Fixtures.unique("Named signer"), "A union", "", "FR", true)
                .value()
                .toString();
        fixed("/api/osdi/v1/petitions/{slug}/signatures/{id}", named);
        fixed("/api/osdi/v1/people/{id}", named);
        fixed("/follows/confirm/{token}", followToken);
        perCall("/follows/{id}", call -> call.endpoint().endsWith("/unsubscribe") ? unsubscribing : following);
        perCall(
                "/follows/{id}/{signature}",
                call -> followSignatures.get(call.values().get("id")));
        // a token and a session of the member's (PERSONAL), made afresh for each call, since a call may use them up
        perCall("/account/tokens/{id}", call -> memberToken(apiTokens));
        perCall("/account/sessions/{id}", call -> memberSession(context));
        // a passkey of the member's, made again for each call (a removal uses it up)
        perCall("/account/passkeys/{passkey}", call -> passkey(context, people.get(Caller.MEMBER)));
        // campaigns: a draft to write, a fresh draft for each publication and a fresh published one for each withdrawal
        var campaigns = context.getBean(org.chorus.campaigns.CampaignFixtures.class);
        var publishedCampaign = campaigns.published(owner, own, Fixtures.unique("Campaign"));
        var draftCampaign = campaigns.draft(owner, own, Fixtures.unique("Draft campaign"));
        perCall("/c/{slug}", call -> switch (call.endpoint()) {
            case "GET /c/{slug}/edit", "POST /c/{slug}/edit", "GET /c/{slug}/translate", "POST /c/{slug}/translate" ->
                draftCampaign.slug();
            case "POST /c/{slug}/publish" ->
                campaigns.draft(owner, own, Fixtures.unique("To publish")).slug();
            case "POST /c/{slug}/withdraw" ->
                campaigns.published(owner, own, Fixtures.unique("To withdraw")).slug();
            default -> publishedCampaign.slug();
        });
        fixed("/c/{slug}/{language}", "fr");
        // actions (decision 0033): an approved one of the organizers', and pending ones of the member's (the host)
        var actions = context.getBean(org.chorus.actions.ActionFixtures.class);
        var member = Actor.of(people.get(Caller.MEMBER));
        var approvedAction = actions.registered(owner, publishedCampaign.slug(), Fixtures.unique("Approved action"));
        var pendingAction = actions.registered(member, publishedCampaign.slug(), Fixtures.unique("Pending action"));
        perCall("/actions/{id}", call -> {
            var endpoint = call.endpoint();
            // RSVPs: the member hosts the pending action (attendees, settings); people RSVP to the approved one
            if (endpoint.contains("/rsvps")) {
                return pendingAction.id().toString();
            }
            if (endpoint.contains("/rsvp")) {
                return approvedAction.id().toString();
            }
            if (endpoint.startsWith("GET ") && !endpoint.endsWith("/edit") && !endpoint.endsWith("/report")) {
                return approvedAction.id().toString();
            }
            // an organizer's edit approves it, and a cancelled one cannot change: each of these calls has its own
            if (endpoint.endsWith("/cancel") || endpoint.startsWith("POST ") && endpoint.endsWith("/edit")) {
                return actions.registered(member, publishedCampaign.slug(), Fixtures.unique("To cancel"))
                        .id()
                        .toString();
            }
            return pendingAction.id().toString();
        });
        // a withdrawal uses a published campaign up: each has its own
        perCall(
                "/api/v1/campaigns/{slug}",
                call -> call.endpoint().endsWith("/withdraw") && byToken(call)
                        // starts tomorrow, before other tests' campaigns: it pushes none off the lists
                        ? actions.campaign(owner, own)
                        : publishedCampaign.slug());
        form(
                "POST /api/v1/campaigns/{slug}/withdraw",
                call -> new Form(Map.of(), Map.of(), "{\"note\": \"Postponed.\"}"));
        form("PATCH /api/v1/campaigns/{slug}", call -> new Form(Map.of(), Map.of("If-Match", "*"), "{}"));
        fixed("/api/v1/campaigns/{slug}/translations/{language}", "fr");
        form(
                "PUT /api/v1/campaigns/{slug}/translations/{language}",
                call -> new Form(
                        Map.of(), Map.of(), "{\"title\": \"Semaine du climat\", \"call\": \"Rejoignez-nous.\"}"));
        form("PUT /api/v1/campaigns/{slug}/letter", call -> new Form(Map.of(), Map.of(), "{}"));
        var rsvping = context.getBean(org.chorus.rsvps.Rsvping.class);
        // an API change or cancellation acts on an action of its own (a cancelled one cannot change)
        perCall(
                "/api/v1/actions/{id}",
                call -> call.endpoint().equals("GET /api/v1/actions/{id}/turnout")
                        ? reportedAction
                        : call.endpoint().endsWith("/rsvps/mine")
                                ? rsvpedByTokens(actions, rsvping, publishedCampaign.slug())
                                : call.endpoint().startsWith("GET ")
                                                || call.endpoint().endsWith("/rsvps")
                                        ? approvedAction.id().toString()
                                        : actions.registered(
                                                        member, publishedCampaign.slug(), Fixtures.unique("API change"))
                                                .id()
                                                .toString());
        // an official of the published campaign's letter for each call (a deletion uses it up)
        var writingLetters = context.getBean(org.chorus.letters.WritingLetters.class);
        perCall(
                "/api/v1/campaigns/{slug}/letter/targets/{id}",
                call -> writingLetters
                        .addTarget(
                                owner,
                                publishedCampaign.slug(),
                                new org.chorus.letters.WritingLetters.TargetForm(
                                        "KE", Fixtures.unique("Office"), "A name", "office@example.org", "", ""))
                        .id()
                        .value()
                        .toString());
        for (var write : List.of(
                "POST /api/v1/campaigns/{slug}/letter/targets", "PUT /api/v1/campaigns/{slug}/letter/targets/{id}")) {
            form(write, call -> new Form(Map.of(), Map.of(), """
                    {"country": "KE", "office": "%s", "name": "A name", "email": "office@example.org"}""".formatted(Fixtures.unique("Office"))));
        }
        form("PUT /api/v1/actions/{id}/turnout", call -> new Form(Map.of(), Map.of(), "{\"participants\": 12}"));
        form("POST /api/v1/actions/{id}/rsvps", call -> new Form(Map.of(), Map.of(), "{\"guests\": 0}"));
        form(
                "POST /api/v1/organizations/{slug}/campaigns",
                call -> new Form(Map.of(), Map.of(), """
                        {"language": "en", "title": "%s", "call": "Join us.", "timeZone": "UTC",
                         "startsOn": "%s", "endsOn": "%s", "kinds": ["PROTEST"]}""".formatted(
                                Fixtures.unique("Matrix campaign"),
                                java.time.LocalDate.now(clock).plusDays(1),
                                java.time.LocalDate.now(clock).plusDays(20))));
        form("PATCH /api/v1/statements/{slug}", call -> new Form(Map.of(), Map.of("If-Match", "*"), "{}"));
        form("PATCH /api/v1/actions/{id}", call -> new Form(Map.of(), Map.of("If-Match", "*"), "{}"));
        form("POST /api/v1/actions/{id}/cancel", call -> new Form(Map.of(), Map.of("If-Match", "*"), "{}"));
        form("GET /api/v1/actions", call -> params("campaign", publishedCampaign.slug()));
        // OSDI: the published campaign; an action of its own for each change or cancellation; the approved action
        // (hosted by the owner, who organizes) for reads, its RSVPs and the record attendance helper
        fixed("/api/osdi/v1/event_campaigns/{slug}", publishedCampaign.slug());
        perCall(
                "/api/osdi/v1/events/{id}",
                call -> call.endpoint().startsWith("GET ") || call.endpoint().endsWith("_helper")
                        ? approvedAction.id().toString()
                        : actions.registered(member, publishedCampaign.slug(), Fixtures.unique("OSDI change"))
                                .id()
                                .toString());
        form(
                "POST /api/osdi/v1/event_campaigns/{slug}/events",
                call -> new Form(Map.of(), Map.of(), """
                        {"title": "%s", "start_date": "%sT10:00:00Z", "end_date": "%sT12:00:00Z",
                         "location": {"locality": "Nairobi", "country": "KE"}}""".formatted(
                                Fixtures.unique("OSDI event"),
                                java.time.LocalDate.now(clock).plusDays(3),
                                java.time.LocalDate.now(clock).plusDays(3))));
        form("PUT /api/osdi/v1/events/{id}", call -> new Form(Map.of(), Map.of(), "{\"title\": \"Renamed\"}"));
        form(
                "POST /api/osdi/v1/events/{id}/record_attendance_helper",
                call -> new Form(Map.of(), Map.of(), """
                        {"person": {"given_name": "A", "family_name": "Guest",
                         "email_addresses": [{"address": "%s", "primary": true}]}}""".formatted(Fixtures.uniqueEmail("osdi"))));
        // hosts without an account: a confirmation link per call (a confirmed one is spent), one manage link
        perCall(
                "/actions/confirm/{token}",
                call -> org.chorus.actions.ActionFixtures.token(actions.confirmationPath(
                        publishedCampaign.slug(), Fixtures.unique("By email"), Fixtures.uniqueEmail("host"))));
        fixed("/actions/manage/{token}", actions.manageToken(publishedCampaign.slug(), Fixtures.unique("Managed")));
        // RSVPs: a confirmation link per call (a confirmed one is spent), one confirmed RSVP's own link
        var rsvps = context.getBean(org.chorus.rsvps.RsvpFixtures.class);
        perCall(
                "/rsvps/confirm/{token}",
                call -> org.chorus.rsvps.RsvpFixtures.token(
                        rsvps.confirmationPath(approvedAction.id(), "A guest", Fixtures.uniqueEmail("rsvp"), 0)));
        var ownRsvp = rsvps.confirmed(approvedAction.id(), "A guest", Fixtures.uniqueEmail("rsvp"), 0)
                .split("/");
        fixed("/rsvps/{id}", ownRsvp[2]);
        fixed("/rsvps/{id}/{signature}", ownRsvp[3]);
        // turnout reports: a host without an account's report link, a photo of a visible report
        var turnout = context.getBean(org.chorus.turnout.TurnoutFixtures.class);
        var pastCampaign = turnout.campaign(owner, own);
        fixed("/turnout/report/{token}", turnout.reportToken(owner, pastCampaign));
        fixed("/turnout/photos/{name}", turnout.photoName(owner, pastCampaign));
        var reported = turnout.ended(
                owner, owner, pastCampaign, Fixtures.unique("Reported"), org.chorus.actions.ActionFixtures.PARIS);
        context.getBean(org.chorus.turnout.FilingTurnoutReports.class)
                .file(
                        owner,
                        reported.id(),
                        new org.chorus.turnout.TurnoutForm("40", "", List.of(), List.of()),
                        List.of());
        reportedAction = reported.id().toString();
        fixed("/c/{slug}/manage/dashboard/{part}", "signons", "rsvps", "turnout", "letters");
        form("POST /turnout/report/{token}", call -> params("participants", "5"));
        form("POST /actions/{id:[0-9a-f-]{36}}/report", call -> params("participants", "5"));
        form("POST /actions/{id:[0-9a-f-]{36}}/report/hidden", call -> params("hidden", "true"));
        // letters to officials (decision 0039): the published campaign's letter, open today, with officials in Kenya;
        // a confirmation link per call (a used one is spent), a fresh official for each deletion
        var letters = context.getBean(org.chorus.letters.LetterFixtures.class);
        var officials = letters.letter(owner, publishedCampaign.slug());
        fixed("/c/{slug}/letter/{country}", "ke");
        perCall(
                "/letters/confirm/{token}",
                call -> org.chorus.letters.LetterFixtures.token(letters.confirmationPath(
                        publishedCampaign.slug(),
                        "ke",
                        Fixtures.uniqueEmail("supporter"),
                        List.of(officials.minister()))));
        perCall(
                "/c/{slug}/manage/letter/targets/{id}",
                call -> call.endpoint().endsWith("/delete")
                        ? context.getBean(org.chorus.letters.WritingLetters.class)
                                .addTarget(
                                        owner,
                                        publishedCampaign.slug(),
                                        new org.chorus.letters.WritingLetters.TargetForm(
                                                "KE",
                                                Fixtures.unique("Office"),
                                                "Someone",
                                                "",
                                                "https://gov.example/f",
                                                ""))
                                .id()
                                .toString()
                        : officials.speaker().id().toString());
        form(
                "POST /c/{slug}/manage/letter",
                call -> params(
                        "enabled",
                        "true",
                        "opensOn",
                        LocalDate.now(clock).toString(),
                        "closesOn",
                        LocalDate.now(clock).plusDays(30).toString(),
                        "subjectLocked",
                        "true",
                        "subject_en",
                        org.chorus.letters.LetterFixtures.SUBJECT,
                        "core_en",
                        org.chorus.letters.LetterFixtures.CORE));
        form(
                "POST /c/{slug}/manage/thanks",
                call -> params("text", "Write to your minister next week.", "link", "https://example.org/next"));
        form(
                "POST /c/{slug}/manage/letter/targets",
                call -> params(
                        "country",
                        "KE",
                        "office",
                        Fixtures.unique("Office"),
                        "name",
                        "Someone",
                        "webForm",
                        "https://gov.example/form"));
        form(
                "POST /c/{slug}/manage/letter/targets/{id}",
                call -> params(
                        "country",
                        "KE",
                        "office",
                        "Speaker of the Assembly",
                        "name",
                        "Name of Speaker",
                        "email",
                        officials.speaker().email()));
        form(
                "POST /c/{slug}/letter/{country:[a-z]{2}}/own",
                call -> params("targets", officials.minister().id().toString()));
        var image = context.getBean(UploadingImages.class)
                .upload(owner, own.slug(), new ByteArrayInputStream(TestImages.png(8, 8)), "A picture");
        fixed("/images/{name}", image.path().substring(image.path().lastIndexOf('/') + 1));
        fixed("/dev/mail/{number}", "1");
        fixed("/actuator/health/**", "liveness");

        // what the forms send: enough for a caller who may to get past the permission check
        var later = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        form(
                "POST /signup",
                call -> params(
                        "email", Fixtures.uniqueEmail("signup"), "displayName", "New", "password", Fixtures.PASSWORD));
        form("POST /signup/resend", call -> params("email", signingUpEmail));
        form("POST /password/forgot", call -> params("email", Fixtures.uniqueEmail("nobody")));
        // a password too short: the form answers with its error and the link stays usable
        form("POST /password/reset/{token}", call -> params("password", "short"));
        form("POST /account", call -> params("displayName", "Person", "language", "en"));
        // a wrong password: the page answers with its error (422) and the session stays recent
        form(
                "POST /account/confirm-password",
                call -> params("reauthPassword", "not the password", "next", "/account"));
        form("POST /account/tokens", call -> params("label", "matrix", "expiry", "30", "scopes", "read"));
        // not required: the fixtures' organization must not start asking the callers for a second factor
        form("POST /o/{slug}/manage/two-factor", call -> params("required", "false"));
        form("POST /account/email", call -> params("newEmail", Fixtures.uniqueEmail("new"), "emailPassword", "wrong"));
        form(
                "POST /account/password",
                call -> params("currentPassword", "not the password", "newPassword", "a new long password"));
        form(
                "POST /organizations/new",
                call -> params(
                        "kind", "MEMBER",
                        "parent", own.slug(),
                        "name", Fixtures.unique("Asking"),
                        "country", "KE",
                        "languages", "en",
                        "description", "Below own."));
        form(
                "POST /o/{slug}/manage/profile",
                call -> params(
                        "name", own.name(),
                        "country", "KE",
                        "languages", "en, sw",
                        "website", "https://example.org",
                        "description", "About " + own.name()));
        form(
                "POST /o/{slug}/manage/invitations",
                call -> params("email", Fixtures.uniqueEmail("invitee"), "role", "MEMBER"));
        form("POST /o/{slug}/manage/members/{account}/role", call -> params("role", "EDITOR"));
        form("POST /o/{slug}/manage/members/{account}/reviewer", call -> params("reviewer", "true"));
        form("POST /o/{slug}/sign-on-organizers/{account}", call -> params("organizer", "true"));
        form(
                "POST /o/{org}/statements/new",
                call -> statementForm(Fixtures.unique("New"), null),
                call -> statementForm(Fixtures.unique("New"), "preview"));
        form(
                "POST /s/{slug}/edit",
                call -> statementForm("The draft, edited", null),
                call -> statementForm("The draft, edited", "preview"));
        form("POST /statements/preview", call -> params("body", "**Bold**"));
        form(
                "POST /o/{org}/campaigns/new",
                call -> campaignForm(Fixtures.unique("New campaign")),
                call -> campaignForm(Fixtures.unique("New campaign")).with("addDay", "1"));
        form("POST /c/{slug}/edit", call -> campaignForm("The draft campaign, edited"));
        form("GET /c/{slug}/translate", call -> params("language", "fr"));
        form(
                "POST /c/{slug}/translate",
                call -> params("language", "fr", "title", "Brouillon", "call", "Nous appelons.", "demands", ""));
        form("POST /c/{slug}/withdraw", call -> params("note", "Called off."));
        form(
                "POST /c/{slug}/actions/new",
                call -> formOf(org.chorus.actions.ActionFixtures.form(
                        java.time.LocalDate.now(context.getBean(java.time.Clock.class)),
                        Fixtures.unique("New action"))));
        form(
                "POST /actions/{id:[0-9a-f-]{36}}/edit",
                call -> formOf(org.chorus.actions.ActionFixtures.form(
                        java.time.LocalDate.now(context.getBean(java.time.Clock.class)), "Pending action, edited")));
        form(
                "POST /actions/manage/{token}",
                call -> formOf(org.chorus.actions.ActionFixtures.form(
                        java.time.LocalDate.now(context.getBean(java.time.Clock.class)), "Managed, edited")));
        form(
                "POST /c/{slug}/actions/host",
                call -> formOf(org.chorus.actions.ActionFixtures.form(
                        java.time.LocalDate.now(context.getBean(java.time.Clock.class)), "Without a stamp")));
        form("POST /actions/{id:[0-9a-f-]{36}}/reject", call -> params("reason", "Not for this campaign."));
        form("POST /actions/{id:[0-9a-f-]{36}}/flagship", call -> params("flagship", "true"));
        form("POST /s/{slug}/sign", call -> params("kind", "person", "name", "Someone", "email", "x@example.org"));
        form("POST /s/{slug}/sign/organization", call -> params("organization", own.slug()));
        form("POST /s/{slug}/sign-on/open", call -> params("whoMaySign", "BOTH", "retentionDays", "365"));
        // two sign-ons of the published statement, fresh for each call (a merge uses one up)
        form("GET /s/{slug}/sign-on/signers/merge", call -> params("signOn", waitingSignOn() + "," + waitingSignOn()));
        form(
                "POST /s/{slug}/sign-on/signers/merge",
                call -> params("keep", waitingSignOn(), "merged", waitingSignOn()));
        // a burst of two unconfirmed sign-ons from one network, fresh for each call (discarding uses it up)
        form("GET /s/{slug}/sign-on/suspicious/discard", call -> burst());
        form("POST /s/{slug}/sign-on/suspicious/discard", call -> burst());
        form("POST /s/{slug}/sign-on/signers/{id}/name", call -> params("name", Fixtures.unique("Renamed group")));
        form(
                "POST /s/{slug}/translate",
                call -> params("language", "fr", "title", "Brouillon", "body", "Nous demandons.", "publish", "false"));
        form("GET /s/{slug}/translate", call -> params("language", "fr"));
        form("GET /places/cities/nearest", call -> params("lat", "48.857", "lon", "2.351"));
        for (var step : List.of("submit", "approve", "send-back", "retract")) {
            form("POST /s/{slug}/workflow/" + step, call -> params("comment", "Why", "publishAt", ""));
        }
        form(
                "POST /o/{org}/statements/republish",
                call -> params("source", elsewhere.slug(), "introduction", "We say it too."));
        form(
                "POST /o/{org}/statements/republish-url",
                call -> params(
                        "url", "https://example.org/statement",
                        "publisher", "Example",
                        "publishedOn", "2026-01-01",
                        "language", "en",
                        "title", Fixtures.unique("From the web"),
                        "body", "Said on the web."));
        form("POST /s/{slug}/comments", call -> params("body", "I agree.", "stamp", comments.stampFilledInUnhurried()));
        form(
                "POST /s/{slug}/comments/guest",
                call -> params(
                        "name",
                        "A guest",
                        "email",
                        Fixtures.uniqueEmail("guest"),
                        "body",
                        "I agree.",
                        "stamp",
                        comments.stampFilledInUnhurried()));
        form("POST /comments/{id}/edit", call -> params("body", "Edited by its author."));
        form("POST /comments/{id}/report", call -> params("reason", "Abusive"));
        form("POST /o/{slug}/import", call -> params("language", "en"));
        form("POST /s/{slug}/co-issuers", call -> params("organization", other.slug()));
        form("POST /o/{org}/manage/co-issue-requests/{request}/accept", call -> params("message", "Gladly."));
        form("POST /o/{org}/manage/co-issue-requests/{request}/decline", call -> params("message", "Not now."));
        form("GET /follow", call -> params("organization", own.slug()));
        form(
                "POST /follow",
                call -> params(
                        "organization",
                        own.slug(),
                        "email",
                        Fixtures.uniqueEmail("follow"),
                        "language",
                        "en",
                        "frequency",
                        "IMMEDIATE"));
        form("POST /follows/{id}/{signature}", call -> params("frequency", "WEEKLY", "language", "en"));
        form(
                "POST /o/{slug}/manage/announcements",
                call -> params("language", "en", "subject", "News", "body", "We have news."),
                call -> params("language", "en", "subject", "News", "body", "We have news.", "preview", "1"));
        form("POST /o/{slug}/manage/announcements/preview", call -> params("body", "We have news."));
        form(
                "POST /o/{slug}/manage/announcements/{id}",
                call -> params("language", "en", "subject", "News", "body", "Edited news."),
                call -> params("language", "en", "subject", "News", "body", "Edited news.", "preview", "1"));
        form("POST /o/{slug}/manage/announcements/{id}/schedule", call -> params("scheduledFor", later));
        // the counts alone, as htmx asks for them; without htmx the address only sends back to the (checked) page
        form(
                "GET /o/{slug}/manage/announcements/{id}/progress",
                call -> new Form(Map.of(), Map.of("HX-Request", "true"), null));
        // activities as another server sends them, but unsigned: the signature is what the matrix checks
        for (var inbox : List.of("POST /o/{slug}/inbox", "POST /inbox")) {
            form(inbox, call -> new Form(Map.of(), Map.of(), """
                    {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow",
                     "id": "https://social.example/follows/1", "actor": "https://social.example/users/ana",
                     "object": "http://localhost/o/%s"}""".formatted(own.slug())));
        }
        form("POST /o/{slug}/manage/fediverse/approval", call -> params("manually", "false"));
        // no such follower: past the permission check, the answer is 409
        form(
                "POST /o/{slug}/manage/fediverse/followers/approve",
                call -> params("actor", "https://social.example/users/ana"));
        form(
                "POST /o/{slug}/manage/fediverse/followers/remove",
                call -> params("actor", "https://social.example/users/ana"));
        form("POST /o/{slug}/manage/fediverse/blocks", call -> params("domain", "spam.example", "severity", "silence"));
        // not blocked: past the permission check, the answer is 409
        form("POST /o/{slug}/manage/fediverse/blocks/remove", call -> params("domain", "never-blocked.example"));
        // nothing found, not followed, not in the feed: past the permission check, the answers are 422, 409 and 409
        form("POST /o/{slug}/manage/fediverse/allied/follow", call -> params("handle", "not a handle"));
        form(
                "POST /o/{slug}/manage/fediverse/allied/unfollow",
                call -> params("actor", "https://social.example/users/ana"));
        form(
                "POST /o/{slug}/manage/fediverse/allied/republish",
                call -> params("object", "https://social.example/users/ana/statuses/1"));
        // a statement as a program writes it: a draft of the organization's
        form(
                "POST /api/v1/organizations/{slug}/statements",
                call -> new Form(Map.of(), Map.of(), """
                        {"language": "en", "title": "%s", "body": "We ask for clean air."}""".formatted(Fixtures.unique("Matrix statement"))));
        // an action in the published campaign, as a program registers it (the page's form, in JSON)
        form(
                "POST /api/v1/campaigns/{slug}/actions",
                call -> new Form(Map.of(), Map.of(), """
                        {"kind": "PROTEST", "title": "%s", "startsAt": "%sT10:00", "endsAt": "%sT12:00",
                         "venue": "Place de la République", "city": %d}""".formatted(
                                Fixtures.unique("Matrix rally"),
                                java.time.LocalDate.now(clock).plusDays(15),
                                java.time.LocalDate.now(clock).plusDays(15),
                                org.chorus.actions.ActionFixtures.PARIS)));
        form("POST /admin/federation/blocks", call -> params("domain", "spam.example", "severity", "silence"));
        form("POST /admin/federation/blocks/remove", call -> params("domain", "never-blocked.example"));
        form("GET /.well-known/webfinger", call -> params("resource", "acct:" + own.slug() + "@localhost"));
        form(
                "POST /hooks/email/bounces",
                call -> new Form(Map.of(), Map.of(), "{\"recipient\": \"someone@example.org\", \"type\": \"hard\"}"));
    }

    /** The statement a call acts on: a draft to write, a fresh one for each workflow step, else the published one. */
    private String statementFor(Call call) {
        return switch (call.endpoint()) {
            case "GET /s/{slug}/edit", "POST /s/{slug}/edit", "GET /s/{slug}/translate", "POST /s/{slug}/translate" ->
                draft.slug();
            case "GET /s/{slug}/republication", "POST /s/{slug}/republication" -> republication.slug();
            // closing uses the sign-on up: each call closes one of its own
            case "POST /s/{slug}/sign-on/close" -> signOns.opened(owner, own).slug();
            case "POST /s/{slug}/workflow/submit" -> freshDraft().slug();
            case "POST /s/{slug}/workflow/approve", "POST /s/{slug}/workflow/send-back" ->
                reviewing.submit(owner, freshDraft().id()).slug();
            case "POST /s/{slug}/workflow/retract" ->
                statements
                        .published(owner, own, "en", Fixtures.unique("To retract"), "We ask.")
                        .slug();
            default -> published.slug();
        };
    }

    /** Whether the call is made with an API token: the others are refused before anything is used up. */
    private static boolean byToken(Call call) {
        return call.caller().credential == PermissionPolicy.Credential.TOKEN;
    }

    /** A new approved action of the campaign that the accounts of both API tokens say they are coming to. */
    private String rsvpedByTokens(
            org.chorus.actions.ActionFixtures actions, org.chorus.rsvps.Rsvping rsvping, String campaign) {
        var action = actions.registered(owner, campaign, Fixtures.unique("Both coming"));
        for (var caller : List.of(Caller.OWNER, Caller.SITE_ADMIN)) {
            rsvping.rsvp(
                    Actor.of(people.get(caller)),
                    action.id(),
                    new org.chorus.rsvps.Rsvping.Answers("0", List.of()),
                    Language.ENGLISH);
        }
        return action.id().toString();
    }

    /** An organization's sign-on waiting for approval on the published statement. */
    private String waitingSignOn() {
        return signOnRows
                .organization(
                        published.id(),
                        Fixtures.unique("Waiting group"),
                        "FR",
                        org.chorus.signons.SignOnStatus.CONFIRMED)
                .toString();
    }

    /** Two unconfirmed sign-ons on the published statement from one network, and the form naming that network. */
    private Form burst() {
        var network = Fixtures.unique("burst");
        for (int i = 0; i < 2; i++) {
            signOnRows.pending(published.id(), Fixtures.uniqueEmail("burst"), network, null);
        }
        return params("source", "NETWORK", "key", network, "hours", "24");
    }

    /** A link of the letter a person gets when signing the published statement (each call signs anew). */
    private String signOnLink(String prefix) {
        var email = Fixtures.uniqueEmail("signer");
        signOns.sign(published, SignOnFixtures.person("A signer", email, false, List.of()));
        return SignOnFixtures.link(email, 0, prefix);
    }

    private Statement freshDraft() {
        return statements.draft(owner, own, "en", Fixtures.unique("Fresh"), "We ask for this.");
    }

    private org.chorus.statements.StatementDraft statementDraft(String title) {
        return new org.chorus.statements.StatementDraft(
                "en", title, "", "We ask for this.", null, null, null, true, List.of(), List.of());
    }

    /** The campaign form of the draft the matrix edits, or of a new campaign. */
    private Form campaignForm(String title) {
        var today = java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return params(
                "language",
                "en",
                "title",
                title,
                "call",
                "We call for action.",
                "timeZone",
                "UTC",
                "startsOn",
                today.plusDays(10).toString(),
                "endsOn",
                today.plusDays(20).toString(),
                "daysOfAction",
                today.plusDays(12).toString(),
                "kinds",
                "PROTEST");
    }

    /** The statement form of the draft the matrix edits, or of a new statement. */
    private Form statementForm(String title, String preview) {
        var form = params("language", "en", "title", title, "body", "We ask for this.", "commentsEnabled", "true");
        return preview == null ? form : form.with(preview, "1");
    }

    private String post(ChorusUser author, String body) {
        return commenting
                .post(Actor.of(author), published.slug(), null, body, signals())
                .id()
                .toString();
    }

    private SpamSignals signals() {
        return comments.person("192.0.2.10");
    }

    private String memberToken(ApiTokens apiTokens) {
        var member = people.get(Caller.MEMBER);
        var label = Fixtures.unique("revocable");
        apiTokens.create(member.email(), label);
        return apiTokens.of(member.id()).stream()
                .filter(t -> t.label().equals(label))
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
    }

    /** A row of the member's sessions, as a sign-in elsewhere would have left it. */
    private String memberSession(ApplicationContext context) {
        var id = java.util.UUID.randomUUID();
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("""
                        insert into account_sessions (id, session_hash, account_id, browser, os, created_at, last_seen_day)
                        values (:id, :hash, :account, 'Firefox', 'Linux', now(), current_date)
                        """)
                .param("id", id)
                .param("hash", Fixtures.unique("session-hash"))
                .param("account", people.get(Caller.MEMBER).id().value())
                .update();
        return id.toString();
    }

    private long announcement() {
        return announcing
                .draft(owner, own.slug(), new Announcing.Draft("en", "News", "We have news."))
                .id();
    }

    private String invitation() {
        var link = members.invite(owner, own.id(), people.get(Caller.MEMBER).email(), Role.MEMBER);
        return link.substring(link.lastIndexOf('/') + 1).replaceFirst("\\?.*$", "");
    }

    private String pendingInvitation() {
        members.invite(owner, own.id(), Fixtures.uniqueEmail("pending"), Role.MEMBER);
        return members.pendingInvitations(owner, own.id()).getFirst().id().toString();
    }

    private String pendingChild() {
        return registering
                .registerBelow(
                        Actor.of(commenter),
                        own.slug(),
                        OrganizationKind.MEMBER,
                        Fixtures.profile(Fixtures.unique("Child")))
                .slug();
    }

    private String confirmedFollow(Following following, String token) {
        following.confirm(token);
        var path = following.preferencesPath(token).split("/");
        followSignatures.put(path[2], path[3]);
        return path[2];
    }

    private static String passkey(ApplicationContext context, ChorusUser person) {
        var users = context.getBean(
                org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository.class);
        var user = users.findByUsername(person.email());
        if (user == null) {
            user = org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(org.springframework.security.web.webauthn.api.Bytes.random())
                    .name(person.email())
                    .displayName(person.displayName())
                    .build();
            users.save(user);
        }
        var id = org.springframework.security.web.webauthn.api.Bytes.random();
        context.getBean(org.springframework.security.web.webauthn.management.UserCredentialRepository.class)
                .save(org.springframework.security.web.webauthn.api.ImmutableCredentialRecord.builder()
                        .credentialId(id)
                        .userEntityUserId(user.getId())
                        .credentialType(
                                org.springframework.security.web.webauthn.api.PublicKeyCredentialType.PUBLIC_KEY)
                        .label("Matrix key")
                        .publicKey(new org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose(
                                new byte[] {1}))
                        .signatureCount(0)
                        .uvInitialized(true)
                        .backupEligible(false)
                        .backupState(false)
                        .transports(java.util.Set.of())
                        .build());
        return id.toBase64UrlString();
    }

    private static String token(String email, String prefix) {
        var path = ReceivedMail.linkPath(TestMail.awaitOne(email), prefix);
        return path.substring(prefix.length()).replaceFirst("\\?lang=[a-z]+$", "");
    }

    private void fixed(String variable, String... values) {
        variables.put(variable, new Variable(List.of(values), null));
    }

    private void perCall(String variable, Function<Call, String> make) {
        variables.put(variable, new Variable(List.of(), make));
    }

    @SafeVarargs
    private void form(String endpoint, Function<Call, Form>... variants) {
        forms.put(endpoint, List.of(variants));
    }

    /** An action's form as its page sends it. */
    private static Form formOf(org.chorus.actions.ActionForm action) {
        var params = new LinkedHashMap<String, String>();
        for (var component : org.chorus.actions.ActionForm.class.getRecordComponents()) {
            try {
                params.put(
                        component.getName(),
                        String.valueOf(component.getAccessor().invoke(action)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Form(params, Map.of(), null);
    }

    private static Form params(String... pairs) {
        var params = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return new Form(params, Map.of(), null);
    }
}
