package org.chorus;

import static org.chorus.PermissionPolicy.Rule.DEV_ONLY;
import static org.chorus.PermissionPolicy.Rule.HTTP_SIGNATURE;
import static org.chorus.PermissionPolicy.Rule.NOT_A_PAGE;
import static org.chorus.PermissionPolicy.Rule.PERSONAL;
import static org.chorus.PermissionPolicy.Rule.PUBLIC;
import static org.chorus.PermissionPolicy.Rule.SECOND_STEP;
import static org.chorus.PermissionPolicy.Rule.SIGNED_IN;
import static org.chorus.PermissionPolicy.Rule.SITE_ADMIN;
import static org.chorus.PermissionPolicy.Rule.TOKEN;
import static org.chorus.PermissionPolicy.Rule.WEBHOOK_SECRET;
import static org.chorus.PermissionPolicy.Rule.role;
import static org.chorus.audit.AuditPermission.VIEW_ACTIVITY;
import static org.chorus.campaigns.CampaignPermission.PUBLISH_CAMPAIGNS;
import static org.chorus.campaigns.CampaignPermission.WRITE_CAMPAIGNS;
import static org.chorus.comments.CommentPermission.MODERATE_COMMENTS;
import static org.chorus.federation.FederationPermission.MANAGE_FEDERATION;
import static org.chorus.follows.AnnouncementPermission.SEND_ANNOUNCEMENTS;
import static org.chorus.follows.AnnouncementPermission.WRITE_ANNOUNCEMENTS;
import static org.chorus.images.ImagePermission.UPLOAD_IMAGES;
import static org.chorus.organizations.OrganizationPermission.APPROVE_CHILDREN;
import static org.chorus.organizations.OrganizationPermission.CHANGE_ROLES;
import static org.chorus.organizations.OrganizationPermission.EDIT_PROFILE;
import static org.chorus.organizations.OrganizationPermission.INVITE_MEMBERS;
import static org.chorus.organizations.OrganizationPermission.VIEW_PEOPLE;
import static org.chorus.signons.SignOnPermission.DESIGNATE_ORGANIZERS;
import static org.chorus.signons.SignOnPermission.MANAGE_SIGN_ONS;
import static org.chorus.signons.SignOnPermission.SIGN_FOR_ORGANIZATION;
import static org.chorus.statements.StatementPermission.ANSWER_CO_ISSUE_REQUESTS;
import static org.chorus.statements.StatementPermission.ASK_CO_ISSUERS;
import static org.chorus.statements.StatementPermission.PUBLISH_STATEMENTS;
import static org.chorus.statements.StatementPermission.WRITE_STATEMENTS;
import static org.chorus.webhooks.WebhookPermission.MANAGE_WEBHOOKS;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.chorus.organizations.Permission;
import org.chorus.organizations.Role;

/**
 * Who may call each HTTP endpoint of Chorus: one entry per endpoint and verb, as the running application maps them
 * ({@code ANY} for a mapping without a verb; a path variable whose pattern lists words, like
 * {@code {step:submit|approve}}, is one endpoint per word). {@link PermissionMatrixTest} calls every endpoint as every
 * kind of caller ({@link Caller}) and compares what happens with the entry's rule; an endpoint without an entry, or an
 * entry without an endpoint, fails it. A module that adds endpoints adds their entries here, and the fixtures their
 * path variables and forms need in {@link PermissionFixtures}. The rules are in docs/decisions/0009-permission-matrix.md.
 */
final class PermissionPolicy {

    private PermissionPolicy() {}

    /** The drafts the matrix edits exist only for those who may write them; everyone else gets 404. */
    private static final Rule WRITERS_OF_A_DRAFT = role(WRITE_STATEMENTS).hiddenFromOthers();

    /** A pending action exists only for its host (the member, in the fixtures) and the campaign's organizers. */
    private static final Rule HOST_OR_ORGANIZER =
            PERSONAL.or(role(WRITE_CAMPAIGNS)).hiddenFromOthers();

    static final List<Entry> TABLE = List.of(
            // site, search, lists and feeds
            entry("GET /", PUBLIC),
            entry("GET /search", PUBLIC),
            entry("GET /.well-known/security.txt", PUBLIC),
            entry("GET /statements", PUBLIC),
            entry("GET /statements.atom", PUBLIC),
            entry("ANY /error", NOT_A_PAGE),
            // accounts
            entry("GET /login", PUBLIC),
            entry("GET /signup", PUBLIC),
            entry("POST /signup", PUBLIC),
            entry("GET /signup/done", PUBLIC),
            entry("GET /signup/confirm/{token}", PUBLIC),
            entry("POST /signup/confirm/{token}", PUBLIC),
            entry("GET /signup/resend", PUBLIC),
            entry("POST /signup/resend", PUBLIC),
            entry("GET /password/forgot", PUBLIC),
            entry("POST /password/forgot", PUBLIC),
            entry("GET /password/reset/{token}", PUBLIC),
            entry("POST /password/reset/{token}", PUBLIC),
            entry("GET /email-change/{token}", PUBLIC),
            entry("POST /email-change/{token}", PUBLIC),
            entry("GET /account", SIGNED_IN),
            entry("POST /account", SIGNED_IN),
            entry("POST /account/email", SIGNED_IN),
            entry("POST /account/password", SIGNED_IN),
            entry("GET /account/confirm-password", SIGNED_IN),
            entry("POST /account/confirm-password", SIGNED_IN),
            entry("GET /account/tokens", SIGNED_IN),
            entry("POST /account/tokens", SIGNED_IN),
            entry("POST /account/tokens/{id}/revoke", PERSONAL.hiddenFromOthers()),
            entry("GET /account/sessions", SIGNED_IN),
            entry("POST /account/sessions/{id}/end", PERSONAL.hiddenFromOthers()),
            entry("POST /account/sessions/end-others", SIGNED_IN),
            // two-factor sign-in: the second step, the account page's settings (decision 0010)
            entry("GET /login/second-factor", SECOND_STEP),
            entry("POST /login/second-factor", SECOND_STEP),
            entry("POST /login/second-factor/cancel", SECOND_STEP),
            entry("GET /account/two-factor", SIGNED_IN),
            entry("POST /account/two-factor", SIGNED_IN),
            entry("POST /account/two-factor/disable", SIGNED_IN),
            entry("POST /account/two-factor/recovery-codes", SIGNED_IN),
            entry("POST /account/passkeys/{passkey}/delete", PERSONAL.hiddenFromOthers()),
            entry("GET /admin/accounts", SITE_ADMIN),
            entry("POST /admin/accounts/{id}/activate", SITE_ADMIN),
            entry("GET /api/v1/me", TOKEN),
            // organizations
            entry("GET /o/{slug}", PUBLIC).showing("id=\"people\"", role(VIEW_PEOPLE)),
            entry("GET /organizations/new", SIGNED_IN),
            entry("POST /organizations/new", SIGNED_IN),
            entry("GET /account/organizations", SIGNED_IN),
            entry("GET /invitations/{token}", PUBLIC),
            entry("POST /invitations/{token}", PERSONAL),
            entry(
                    "GET /o/{slug}/manage",
                    role(EDIT_PROFILE).or(role(INVITE_MEMBERS)).or(role(APPROVE_CHILDREN))),
            entry("POST /o/{slug}/manage/profile", role(EDIT_PROFILE)),
            entry("POST /o/{slug}/manage/invitations", role(INVITE_MEMBERS)),
            entry("POST /o/{slug}/manage/invitations/{invitation}/withdraw", role(INVITE_MEMBERS)),
            entry("POST /o/{slug}/manage/invitations/{invitation}/resend", role(INVITE_MEMBERS)),
            entry("POST /o/{slug}/manage/members/{account}/role", role(CHANGE_ROLES)),
            entry("POST /o/{slug}/manage/members/{account}/reviewer", role(CHANGE_ROLES)),
            entry("POST /o/{slug}/manage/members/{account}/remove", role(CHANGE_ROLES)),
            entry("POST /o/{slug}/manage/two-factor", role(CHANGE_ROLES)),
            entry("POST /o/{slug}/manage/children/{child}/approve", role(APPROVE_CHILDREN)),
            entry("POST /o/{slug}/manage/children/{child}/reject", role(APPROVE_CHILDREN)),
            entry("GET /api/v1/organizations", PUBLIC),
            entry("GET /api/v1/organizations/{slug}", PUBLIC),
            // statements
            entry("GET /o/{slug}/statements", PUBLIC),
            entry("GET /s/{slug}", PUBLIC),
            entry("GET /s/{slug}/{language:[a-z]{2,3}}", PUBLIC),
            entry("GET /s/{slug}/revisions", PUBLIC),
            entry("GET /s/{slug}/revisions/{from:\\d+}/{to:\\d+}", PUBLIC),
            entry("GET /o/{org}/statements/manage", role(WRITE_STATEMENTS)),
            entry("GET /o/{org}/statements/new", role(WRITE_STATEMENTS)),
            entry("POST /o/{org}/statements/new", role(WRITE_STATEMENTS)),
            entry("POST /statements/preview", SIGNED_IN),
            entry("GET /s/{slug}/edit", WRITERS_OF_A_DRAFT),
            entry("POST /s/{slug}/edit", WRITERS_OF_A_DRAFT),
            entry("GET /s/{slug}/translate", WRITERS_OF_A_DRAFT),
            entry("POST /s/{slug}/translate", WRITERS_OF_A_DRAFT),
            // a published copy that follows its original: its introduction and topics, changed by publishers
            entry("GET /s/{slug}/republication", role(PUBLISH_STATEMENTS)),
            entry("POST /s/{slug}/republication", role(PUBLISH_STATEMENTS)),
            entry("POST /s/{slug}/workflow/submit", WRITERS_OF_A_DRAFT),
            // in review: writers see it, only publishers decide
            entry(
                    "POST /s/{slug}/workflow/approve",
                    role(PUBLISH_STATEMENTS).hiddenFromOthersBut(role(WRITE_STATEMENTS))),
            entry(
                    "POST /s/{slug}/workflow/send-back",
                    role(PUBLISH_STATEMENTS).hiddenFromOthersBut(role(WRITE_STATEMENTS))),
            // published: everyone sees it, only publishers retract
            entry("POST /s/{slug}/workflow/retract", role(PUBLISH_STATEMENTS)),
            entry("GET /o/{org}/statements/republish", role(WRITE_STATEMENTS)),
            entry("POST /o/{org}/statements/republish", role(WRITE_STATEMENTS)),
            entry("POST /o/{org}/statements/republish-url", role(WRITE_STATEMENTS)),
            // co-issue requests (decision 0020): the issuer's writers ask, the invited organization's owners answer
            entry("GET /s/{slug}/co-issuers", role(ASK_CO_ISSUERS)),
            entry("POST /s/{slug}/co-issuers", role(ASK_CO_ISSUERS)),
            entry("POST /s/{slug}/co-issuers/{request}/withdraw", role(ASK_CO_ISSUERS)),
            entry("GET /o/{org}/manage/co-issue-requests", role(ANSWER_CO_ISSUE_REQUESTS)),
            entry("GET /o/{org}/manage/co-issue-requests/{request}", role(ANSWER_CO_ISSUE_REQUESTS)),
            entry("POST /o/{org}/manage/co-issue-requests/{request}/accept", role(ANSWER_CO_ISSUE_REQUESTS)),
            entry("POST /o/{org}/manage/co-issue-requests/{request}/decline", role(ANSWER_CO_ISSUE_REQUESTS)),
            entry("GET /api/v1/statements", PUBLIC),
            entry("GET /api/v1/statements/{slug}", PUBLIC),
            entry("POST /api/v1/organizations/{slug}/statements", TOKEN),
            entry("POST /api/v1/statements/{slug}/publish", TOKEN),
            entry("PATCH /api/v1/statements/{slug}", TOKEN),
            // comments
            entry("GET /s/{slug}/comments", PUBLIC),
            entry("POST /s/{slug}/comments", SIGNED_IN),
            entry("GET /s/{slug}/comments/guest", PUBLIC),
            entry("POST /s/{slug}/comments/guest", PUBLIC),
            entry("GET /guest-comments/{token}", PUBLIC),
            entry("POST /guest-comments/{token}", PUBLIC),
            entry("GET /comments/{id}/edit", PERSONAL),
            entry("POST /comments/{id}/edit", PERSONAL),
            entry("POST /comments/{id}/report", SIGNED_IN),
            entry("GET /o/{org}/comments", role(MODERATE_COMMENTS)),
            entry("POST /o/{org}/comments/{id}/{decision}", role(MODERATE_COMMENTS)),
            // sign-ons: the public list, its counter and downloads, the API (all public; decision 0028)
            // the members an owner designates as sign-on organizers (decision 0029)
            entry("GET /o/{slug}/sign-on-organizers", role(DESIGNATE_ORGANIZERS)),
            entry("POST /o/{slug}/sign-on-organizers/{account}", role(DESIGNATE_ORGANIZERS)),
            entry("GET /s/{slug}/signons", PUBLIC),
            entry("GET /s/{slug}/signons/people", PUBLIC),
            entry("GET /s/{slug}/signons/count", PUBLIC),
            entry("GET /s/{slug}/signons.csv", PUBLIC),
            entry("GET /s/{slug}/signons.json", PUBLIC),
            entry("GET /api/v1/statements/{slug}/signons", PUBLIC),
            entry("POST /api/v1/statements/{slug}/signons/{id}/approve", TOKEN),
            entry("POST /api/v1/statements/{slug}/signons/{id}/reject", TOKEN),
            entry("DELETE /api/v1/statements/{slug}/signons/{id}", TOKEN),
            // the organizers' view: every sign-on, decisions, exports with personal data
            entry("GET /s/{slug}/sign-on/signers", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/signers/{id}/approve", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/signers/{id}/reject", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/signers/{id}/remove", role(MANAGE_SIGN_ONS)),
            entry("GET /s/{slug}/sign-on/signers/merge", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/signers/merge", role(MANAGE_SIGN_ONS)),
            entry("GET /s/{slug}/sign-on/signers/{id}/name", role(MANAGE_SIGN_ONS)),
            entry("GET /s/{slug}/sign-on/suspicious", role(MANAGE_SIGN_ONS)),
            entry("GET /s/{slug}/sign-on/suspicious/discard", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/suspicious/discard", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/signers/{id}/name", role(MANAGE_SIGN_ONS)),
            entry("GET /s/{slug}/sign-on/signers.csv", role(MANAGE_SIGN_ONS)),
            entry("GET /s/{slug}/sign-on/signers.json", role(MANAGE_SIGN_ONS)),
            // campaigns (decision 0031): a draft exists only for the issuer's editors; owners publish and withdraw
            entry("GET /campaigns", PUBLIC),
            entry("GET /campaigns.atom", PUBLIC),
            entry("GET /c/{slug}", PUBLIC),
            entry("GET /c/{slug}/{language:[a-z]{2,3}}", PUBLIC),
            entry("GET /o/{org}/campaigns/manage", role(WRITE_CAMPAIGNS)),
            entry("GET /o/{org}/campaigns/new", role(WRITE_CAMPAIGNS)),
            entry("POST /o/{org}/campaigns/new", role(WRITE_CAMPAIGNS)),
            entry("GET /c/{slug}/edit", role(WRITE_CAMPAIGNS).hiddenFromOthers()),
            entry("POST /c/{slug}/edit", role(WRITE_CAMPAIGNS).hiddenFromOthers()),
            entry("GET /c/{slug}/translate", role(WRITE_CAMPAIGNS).hiddenFromOthers()),
            entry("POST /c/{slug}/translate", role(WRITE_CAMPAIGNS).hiddenFromOthers()),
            entry("POST /c/{slug}/publish", role(PUBLISH_CAMPAIGNS).hiddenFromOthersBut(role(WRITE_CAMPAIGNS))),
            entry("POST /c/{slug}/withdraw", role(PUBLISH_CAMPAIGNS)),
            // actions (decision 0033): hosts register with an account; a pending action exists only for its host
            // (the member, in the fixtures) and the campaign's organizers (who write its issuer's campaigns)
            entry("GET /c/{slug}/actions", PUBLIC),
            entry("GET /c/{slug}/actions.geojson", PUBLIC),
            entry("GET /c/{slug}/actions.ics", PUBLIC),
            entry("GET /c/{slug}/actions/near", PUBLIC),
            entry("GET /c/{slug}/actions/new", PUBLIC),
            entry("POST /c/{slug}/actions/new", SIGNED_IN),
            entry("GET /actions/{id:[0-9a-f-]{36}}", PUBLIC),
            // hosts without an account (decision 0034): a public form, a confirmation link, a private manage link
            entry("GET /c/{slug}/actions/new/sign-in", SIGNED_IN),
            entry("GET /c/{slug}/actions/host", PUBLIC),
            entry("POST /c/{slug}/actions/host", PUBLIC),
            entry("GET /c/{slug}/actions/host/sent", PUBLIC),
            entry("GET /actions/confirm/{token}", PUBLIC),
            entry("POST /actions/confirm/{token}", PUBLIC),
            entry("GET /actions/manage/{token}", PUBLIC),
            entry("POST /actions/manage/{token}", PUBLIC),
            entry("POST /actions/manage/{token}/cancel", PUBLIC),
            entry("GET /actions/{id:[0-9a-f-]{36}}.ics", PUBLIC),
            entry("GET /actions/{id:[0-9a-f-]{36}}/edit", HOST_OR_ORGANIZER),
            entry("POST /actions/{id:[0-9a-f-]{36}}/edit", HOST_OR_ORGANIZER),
            entry("POST /actions/{id:[0-9a-f-]{36}}/cancel", HOST_OR_ORGANIZER),
            entry("GET /c/{slug}/manage/actions", role(WRITE_CAMPAIGNS)),
            entry("GET /c/{slug}/manage/dashboard", role(WRITE_CAMPAIGNS)),
            entry("GET /c/{slug}/manage/dashboard.csv", role(WRITE_CAMPAIGNS)),
            entry("GET /c/{slug}/manage/dashboard/{part}.csv", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/actions/approve", role(WRITE_CAMPAIGNS)),
            entry(
                    "POST /actions/{id:[0-9a-f-]{36}}/reject",
                    role(WRITE_CAMPAIGNS).hiddenFromOthersBut(PERSONAL)),
            entry(
                    "POST /actions/{id:[0-9a-f-]{36}}/flagship",
                    role(WRITE_CAMPAIGNS).hiddenFromOthersBut(PERSONAL)),
            entry(
                    "POST /actions/{id:[0-9a-f-]{36}}/trust",
                    role(WRITE_CAMPAIGNS).hiddenFromOthersBut(PERSONAL)),
            // RSVPs (decision 0037): a guest's stamped form on the cached action page, a signed-in person's one click,
            // the links of letters; attendees, settings, export and messages for the action's host and organizers
            entry("POST /actions/{id:[0-9a-f-]{36}}/rsvp", PUBLIC),
            entry("GET /actions/{id:[0-9a-f-]{36}}/rsvp/sent", PUBLIC),
            entry("POST /actions/{id:[0-9a-f-]{36}}/rsvp/me", SIGNED_IN),
            entry("GET /rsvps/confirm/{token}", PUBLIC),
            entry("POST /rsvps/confirm/{token}", PUBLIC),
            entry("GET /rsvps/{id}/{signature}", PUBLIC),
            entry("POST /rsvps/{id}/{signature}/cancel", PUBLIC),
            entry("GET /rsvps/{id}/{signature}/unsubscribe", PUBLIC),
            entry("POST /rsvps/{id}/{signature}/unsubscribe", PUBLIC),
            entry("GET /actions/{id:[0-9a-f-]{36}}/rsvps", HOST_OR_ORGANIZER),
            entry("GET /actions/{id:[0-9a-f-]{36}}/rsvps.csv", HOST_OR_ORGANIZER),
            entry("POST /actions/{id:[0-9a-f-]{36}}/rsvps/settings", HOST_OR_ORGANIZER),
            entry("POST /actions/{id:[0-9a-f-]{36}}/rsvps/message", HOST_OR_ORGANIZER),
            // the same for a host without an account: their private manage link is the proof
            entry("GET /actions/manage/{token}/rsvps", PUBLIC),
            entry("GET /actions/manage/{token}/rsvps.csv", PUBLIC),
            entry("POST /actions/manage/{token}/rsvps/settings", PUBLIC),
            entry("POST /actions/manage/{token}/rsvps/message", PUBLIC),
            entry("GET /c/{slug}/manage/thanks", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/thanks", role(WRITE_CAMPAIGNS)),
            // the public API of campaigns and actions, exports and calendars (decision 0035)
            entry("GET /api/v1/campaigns", PUBLIC),
            entry("GET /api/v1/campaigns/{slug}", PUBLIC),
            entry("GET /api/v1/actions", PUBLIC),
            entry("GET /api/v1/actions/{id}", PUBLIC),
            entry("POST /api/v1/campaigns/{slug}/actions", TOKEN),
            entry("PATCH /api/v1/actions/{id}", TOKEN),
            entry("POST /api/v1/actions/{id}/rsvps", TOKEN),
            entry("PUT /api/v1/actions/{id}/turnout", TOKEN),
            entry("GET /api/v1/actions/{id}/turnout", PUBLIC),
            entry("POST /api/v1/organizations/{slug}/campaigns", TOKEN),
            entry("POST /api/v1/campaigns/{slug}/publish", TOKEN),
            entry("POST /api/v1/statements/{slug}/retract", TOKEN),
            entry("POST /api/v1/organizations/{slug}/republications", TOKEN),
            entry("PATCH /api/v1/organizations/{slug}", TOKEN),
            entry("POST /api/v1/organizations/{slug}/organizations", TOKEN),
            entry("PUT /api/v1/statements/{slug}/translations/{language}", TOKEN),
            entry("PUT /api/v1/campaigns/{slug}/translations/{language}", TOKEN),
            entry("GET /api/v1/statements/{slug}/signon-opening", role(MANAGE_SIGN_ONS)),
            entry("PUT /api/v1/statements/{slug}/signon-opening", TOKEN),
            entry("POST /api/v1/statements/{slug}/signon-opening/close", TOKEN),
            entry("PATCH /api/v1/campaigns/{slug}", TOKEN),
            entry("POST /api/v1/campaigns/{slug}/withdraw", TOKEN),
            entry("GET /api/v1/campaigns/{slug}/letter", role(WRITE_CAMPAIGNS).hiddenFromOthers()),
            entry("PUT /api/v1/campaigns/{slug}/letter", TOKEN),
            entry("DELETE /api/v1/actions/{id}/rsvps/mine", TOKEN),
            entry("GET /api/v1/actions/{id}/rsvps", HOST_OR_ORGANIZER),
            entry("POST /api/v1/actions/{id}/approve", TOKEN),
            entry("PUT /api/v1/actions/{id}/flagship", TOKEN),
            entry("PUT /api/v1/actions/{id}/trust", TOKEN),
            entry("PUT /api/v1/actions/{id}/turnout/hidden", TOKEN),
            entry("POST /api/v1/actions/{id}/reject", TOKEN),
            entry("GET /api/v1/organizations/{slug}/webhooks", role(MANAGE_WEBHOOKS)),
            entry("POST /api/v1/organizations/{slug}/webhooks", TOKEN),
            entry("DELETE /api/v1/organizations/{slug}/webhooks/{id}", TOKEN),
            entry("GET /api/v1/organizations/{slug}/followers", role(WRITE_STATEMENTS)),
            entry("POST /api/v1/statements/{slug}/signons/{id}/merge", TOKEN),
            entry("PATCH /api/v1/statements/{slug}/signons/{id}", TOKEN),
            entry(
                    "GET /api/v1/campaigns/{slug}/letter/targets",
                    role(WRITE_CAMPAIGNS).hiddenFromOthers()),
            entry("POST /api/v1/campaigns/{slug}/letter/targets", TOKEN),
            entry("PUT /api/v1/campaigns/{slug}/letter/targets/{id}", TOKEN),
            entry("DELETE /api/v1/campaigns/{slug}/letter/targets/{id}", TOKEN),
            entry("POST /api/v1/actions/{id}/cancel", TOKEN),
            // OSDI (docs/api/osdi.md): public reads; RSVPs for the action's host and organizers; writes by token
            entry("GET /developers/api", PUBLIC),
            entry("GET /api/osdi/v1", PUBLIC),
            entry("GET /api/osdi/v1/", PUBLIC),
            entry("GET /api/osdi/v1/events", PUBLIC),
            entry("GET /api/osdi/v1/events/{id}", PUBLIC),
            entry("GET /api/osdi/v1/event_campaigns/{slug}/events", PUBLIC),
            entry("POST /api/osdi/v1/event_campaigns/{slug}/events", TOKEN),
            entry("PUT /api/osdi/v1/events/{id}", TOKEN),
            entry("DELETE /api/osdi/v1/events/{id}", TOKEN),
            entry("GET /api/osdi/v1/events/{id}/attendances", HOST_OR_ORGANIZER),
            entry("POST /api/osdi/v1/events/{id}/record_attendance_helper", TOKEN),
            entry("GET /api/osdi/v1/petitions", PUBLIC),
            entry("GET /api/osdi/v1/petitions/{slug}", PUBLIC),
            entry("GET /api/osdi/v1/petitions/{slug}/signatures", PUBLIC),
            entry("GET /api/osdi/v1/petitions/{slug}/signatures/{id}", PUBLIC),
            entry("GET /api/osdi/v1/people/{id}", PUBLIC),
            entry("GET /api/osdi/v1/organizations", PUBLIC),
            entry("GET /api/osdi/v1/organizations/{slug}", PUBLIC),
            entry("GET /c/{slug}/manage/actions.csv", role(WRITE_CAMPAIGNS)),
            entry("GET /o/{slug}/actions.ics", PUBLIC),
            // turnout reports (decision 0038): the host or the organizers file, organizers hide; hosts without an
            // account file through their emailed link; photos are public while their report is
            entry("GET /actions/{id:[0-9a-f-]{36}}/report", HOST_OR_ORGANIZER),
            entry("POST /actions/{id:[0-9a-f-]{36}}/report", HOST_OR_ORGANIZER),
            entry(
                    "POST /actions/{id:[0-9a-f-]{36}}/report/hidden",
                    role(WRITE_CAMPAIGNS).hiddenFromOthersBut(PERSONAL)),
            entry("GET /turnout/report/{token}", PUBLIC),
            entry("POST /turnout/report/{token}", PUBLIC),
            entry("GET /turnout/photos/{name:[0-9a-f-]{36}\\.jpg}", PUBLIC),
            // letters to officials (decision 0039): the supporter's forms work without a session, the mailed link is
            // the proof of the address; the organizers' page is theirs alone
            entry("GET /c/{slug}/letter", PUBLIC),
            entry("GET /c/{slug}/letter/{country:[a-z]{2}}", PUBLIC),
            entry("POST /c/{slug}/letter/{country:[a-z]{2}}/send", PUBLIC),
            entry("POST /c/{slug}/letter/{country:[a-z]{2}}/own", PUBLIC),
            entry("POST /c/{slug}/letter/{country:[a-z]{2}}/sent", PUBLIC),
            entry("GET /c/{slug}/letter/{country:[a-z]{2}}/check-email", PUBLIC),
            entry("GET /c/{slug}/letter/{country:[a-z]{2}}/thanks", PUBLIC),
            entry("GET /letters/confirm/{token}", PUBLIC),
            entry("POST /letters/confirm/{token}", PUBLIC),
            entry("GET /c/{slug}/manage/letter", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/letter", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/letter/targets", role(WRITE_CAMPAIGNS)),
            entry("GET /c/{slug}/manage/letter/targets/{id}", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/letter/targets/{id}", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/letter/targets/{id}/delete", role(WRITE_CAMPAIGNS)),
            entry("POST /c/{slug}/manage/letter/import", role(WRITE_CAMPAIGNS)),
            entry("GET /c/{slug}/manage/letter/counts.csv", role(WRITE_CAMPAIGNS)),
            // imports
            entry("GET /o/{slug}/import", role(PUBLISH_STATEMENTS)),
            entry("POST /o/{slug}/import", role(PUBLISH_STATEMENTS)),
            entry("GET /o/{slug}/imports/{id}", role(PUBLISH_STATEMENTS)),
            // follows
            entry("GET /follow", PUBLIC),
            entry("POST /follow", PUBLIC),
            entry("GET /follows/confirm/{token}", PUBLIC),
            entry("POST /follows/confirm/{token}", PUBLIC),
            entry("GET /follows/{id}/{signature}", PUBLIC),
            entry("POST /follows/{id}/{signature}", PUBLIC),
            entry("GET /follows/{id}/{signature}/unsubscribe", PUBLIC),
            entry("POST /follows/{id}/{signature}/unsubscribe", PUBLIC),
            entry("GET /o/{slug}/manage/announcements", role(WRITE_ANNOUNCEMENTS)),
            entry("POST /o/{slug}/manage/announcements", role(WRITE_ANNOUNCEMENTS)),
            entry("POST /o/{slug}/manage/announcements/preview", role(WRITE_ANNOUNCEMENTS)),
            entry("GET /o/{slug}/manage/announcements/{id}", role(WRITE_ANNOUNCEMENTS)),
            entry("POST /o/{slug}/manage/announcements/{id}", role(WRITE_ANNOUNCEMENTS)),
            entry("GET /o/{slug}/manage/announcements/{id}/progress", role(WRITE_ANNOUNCEMENTS)),
            entry("POST /o/{slug}/manage/announcements/{id}/test", role(WRITE_ANNOUNCEMENTS)),
            // sending takes both: the writers' pages, then the right to send
            entry(
                    "POST /o/{slug}/manage/announcements/{id}/send",
                    role(SEND_ANNOUNCEMENTS).and(role(WRITE_ANNOUNCEMENTS))),
            entry(
                    "POST /o/{slug}/manage/announcements/{id}/schedule",
                    role(SEND_ANNOUNCEMENTS).and(role(WRITE_ANNOUNCEMENTS))),
            entry(
                    "POST /o/{slug}/manage/announcements/{id}/cancel",
                    role(SEND_ANNOUNCEMENTS).and(role(WRITE_ANNOUNCEMENTS))),
            // sign-ons: the form works without a session (decision 0028); its links are the proof of the address
            entry("GET /s/{slug}/sign", PUBLIC),
            entry("POST /s/{slug}/sign", PUBLIC),
            entry("GET /s/{slug}/sign/sent", PUBLIC),
            entry("GET /s/{slug}/sign/embed", PUBLIC),
            entry("POST /s/{slug}/sign/organization", role(SIGN_FOR_ORGANIZATION)),
            entry("GET /signons/confirm/{token}", PUBLIC),
            entry("POST /signons/confirm/{token}", PUBLIC),
            entry("GET /signons/withdraw/{token}", PUBLIC),
            entry("POST /signons/withdraw/{token}", PUBLIC),
            entry("GET /s/{slug}/sign-on/manage", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/open", role(MANAGE_SIGN_ONS)),
            entry("POST /s/{slug}/sign-on/close", role(MANAGE_SIGN_ONS)),
            // audit
            entry("GET /account/activity", SIGNED_IN),
            entry("GET /o/{slug}/manage/activity", role(VIEW_ACTIVITY)),
            // notifications: a person's own tasks and how they hear of steps (decision 0021)
            entry("GET /account/tasks", SIGNED_IN),
            entry("POST /account/notifications", SIGNED_IN),
            // images: uploaded by writers, served to anyone who has the (unguessable) address, decision 0011
            entry("GET /o/{slug}/manage/images", role(UPLOAD_IMAGES)),
            entry("POST /o/{slug}/manage/images", role(UPLOAD_IMAGES)),
            entry("GET /images/{name:[0-9a-f-]+\\.[a-z]+}", PUBLIC),
            // places: city suggestions (page, htmx list, JSON) and the credits of the data behind maps and calendars
            entry("GET /places/cities", PUBLIC),
            entry("GET /places/cities application/json", PUBLIC),
            entry("GET /places/cities/nearest", PUBLIC),
            entry("GET /credits", PUBLIC),
            // email
            entry("POST /hooks/email/bounces", WEBHOOK_SECRET),
            // federation (ActivityPub): what other servers read, and the inboxes they post signed activities to
            entry("GET /o/{slug} application/activity+json", PUBLIC),
            entry("GET /o/{slug}/followers", PUBLIC),
            entry("GET /s/{slug} application/activity+json", PUBLIC),
            entry("GET /actions/{id:[0-9a-f-]{36}} application/activity+json", PUBLIC),
            entry("GET /actor", PUBLIC),
            entry("GET /c/{slug} application/activity+json", PUBLIC),
            entry("GET /o/{slug}/outbox", PUBLIC),
            entry("POST /o/{slug}/inbox", HTTP_SIGNATURE),
            entry("POST /inbox", HTTP_SIGNATURE),
            entry("GET /.well-known/webfinger", PUBLIC),
            entry("GET /.well-known/nodeinfo", PUBLIC),
            entry("GET /nodeinfo/2.1", PUBLIC),
            entry("GET /o/{slug}/manage/fediverse", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/approval", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/followers/approve", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/followers/remove", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/blocks", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/blocks/remove", role(MANAGE_FEDERATION)),
            entry("GET /o/{slug}/manage/webhooks", role(MANAGE_WEBHOOKS)),
            entry("POST /o/{slug}/manage/webhooks", role(MANAGE_WEBHOOKS)),
            entry("POST /o/{slug}/manage/webhooks/{id}/remove", role(MANAGE_WEBHOOKS)),
            entry("POST /o/{slug}/manage/webhooks/{id}/enable", role(MANAGE_WEBHOOKS)),
            entry("GET /o/{slug}/manage/webhooks/{id}", role(MANAGE_WEBHOOKS)),
            entry("POST /o/{slug}/manage/webhooks/{id}/deliveries/{delivery}/retry", role(MANAGE_WEBHOOKS)),
            entry("GET /o/{slug}/manage/fediverse/allied", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/allied/follow", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/allied/unfollow", role(MANAGE_FEDERATION)),
            entry("POST /o/{slug}/manage/fediverse/allied/republish", role(MANAGE_FEDERATION)),
            entry("GET /admin/federation", SITE_ADMIN),
            entry("POST /admin/federation/blocks", SITE_ADMIN),
            entry("POST /admin/federation/blocks/remove", SITE_ADMIN),
            entry("POST /admin/federation/retry", SITE_ADMIN),
            entry("GET /dev/mail", DEV_ONLY),
            entry("GET /dev/mail/{number}", DEV_ONLY),
            entry("GET /dev/mail/{number}/html", DEV_ONLY),
            entry("GET /dev/mail/{number}/source", DEV_ONLY),
            // operations and the API's description
            entry("GET /api/v1/openapi.json", PUBLIC),
            entry("GET /api/v1/openapi.json.yaml", PUBLIC),
            entry("GET /api/v1/openapi.yaml", PUBLIC),
            entry("GET /api/openapi", PUBLIC),
            entry("GET /api/openapi.yaml", PUBLIC),
            entry("GET /actuator", SITE_ADMIN),
            entry("GET /actuator/health", PUBLIC),
            entry("GET /actuator/health/**", PUBLIC),
            entry("GET /actuator/info", SITE_ADMIN),
            entry("GET /actuator/prometheus", SITE_ADMIN));

    static Entry entry(String endpoint, Rule rule) {
        return new Entry(endpoint, rule, List.of());
    }

    /**
     * One endpoint and verb ({@code "POST /o/{slug}/manage/profile"}; with the media type asked for when the handler
     * produces something other than HTML: {@code "GET /places/cities application/json"}), who may call it, and the parts
     * of its page that only some of those callers may see.
     */
    record Entry(String endpoint, Rule rule, List<Part> parts) {

        /** The page shows this part (found by a piece of its markup) to the callers the rule allows, and to no one else. */
        Entry showing(String markup, Rule rule) {
            var more = new java.util.ArrayList<>(parts);
            more.add(new Part(markup, rule));
            return new Entry(endpoint, this.rule, List.copyOf(more));
        }
    }

    /** A part of a page, found by a piece of its markup, and who may see it. */
    record Part(String markup, Rule rule) {}

    /**
     * Who a caller is where the endpoint looks. The fixtures give each a role in one organization ("own"), except the
     * owner of another organization, a site admin with no role, and nobody (no session, or no token on the API).
     */
    enum Who {
        NOBODY,
        MEMBER,
        MODERATOR,
        EDITOR,
        OWNER,
        /** An editor the owners designated as a reviewer. */
        REVIEWER,
        /** A member the owners designated as an organizer of the sign-ons of own's statements (decision 0029). */
        SIGN_ON_ORGANIZER,
        OTHER_OWNER,
        SITE_ADMIN;

        Optional<Role> roleInOwn() {
            return switch (this) {
                case MEMBER, SIGN_ON_ORGANIZER -> Optional.of(Role.MEMBER);
                case MODERATOR -> Optional.of(Role.MODERATOR);
                case EDITOR, REVIEWER -> Optional.of(Role.EDITOR);
                case OWNER -> Optional.of(Role.OWNER);
                default -> Optional.empty();
            };
        }

        /** Holds the permission in the organization the fixtures act on, as its module declares it. */
        boolean holds(Permission permission) {
            return this == SITE_ADMIN
                    || roleInOwn().map(permission.holders().roles()::contains).orElse(false)
                    || (this == REVIEWER && permission.holders().designatedReviewers())
                    || (this == SIGN_ON_ORGANIZER && permission == MANAGE_SIGN_ONS);
        }
    }

    /** The kinds of caller, each tried on every endpoint: who they are, and what they send. */
    enum Caller {
        ANONYMOUS(Who.NOBODY, Credential.NONE),
        MEMBER(Who.MEMBER, Credential.SESSION),
        MODERATOR(Who.MODERATOR, Credential.SESSION),
        EDITOR(Who.EDITOR, Credential.SESSION),
        OWNER(Who.OWNER, Credential.SESSION),
        REVIEWER(Who.REVIEWER, Credential.SESSION),
        SIGN_ON_ORGANIZER(Who.SIGN_ON_ORGANIZER, Credential.SESSION),
        OTHER_OWNER(Who.OTHER_OWNER, Credential.SESSION),
        SITE_ADMIN(Who.SITE_ADMIN, Credential.SESSION),
        /** The owner's API token: {@code Authorization: Bearer chorus_…}. */
        TOKEN(Who.OWNER, Credential.TOKEN),
        /** A site admin's API token. */
        SITE_ADMIN_TOKEN(Who.SITE_ADMIN, Credential.TOKEN);

        final Who who;
        final Credential credential;

        Caller(Who who, Credential credential) {
            this.who = who;
            this.credential = credential;
        }

        /** Who the endpoint sees: pages read only the session, the API (and metrics) only the token. */
        Who seenBy(boolean api) {
            return credential == (api ? Credential.TOKEN : Credential.SESSION) ? who : Who.NOBODY;
        }
    }

    enum Credential {
        NONE,
        SESSION,
        TOKEN
    }

    /** What a call came to, read from the response alone (PermissionMatrixTest#outcome). */
    enum Outcome {
        /** Past the permission check: 2xx, a redirect anywhere but the sign-in page, or 409, 410, 422, 429. */
        ALLOWED,
        /** A redirect to the sign-in page. */
        SIGN_IN,
        /** 401 (the API and the machine hooks). */
        UNAUTHORIZED,
        /** 403. */
        DENIED,
        /** 404: what the caller may not see does not exist for them. */
        HIDDEN
    }

    /**
     * Who may, and what the others get: nobody is sent to sign in on pages and gets 401 on the API; a signed-in caller
     * who may not gets 403, or 404 where the rule hides the thing from them.
     */
    record Rule(String name, Predicate<Who> allows, Predicate<Who> sees, Outcome forEveryone) {

        static final Rule PUBLIC = new Rule("PUBLIC", who -> true, who -> true, null);
        static final Rule SIGNED_IN = new Rule("SIGNED_IN", who -> who != Who.NOBODY, who -> true, null);
        /** Any valid API token (the API reads no session). */
        static final Rule TOKEN = new Rule("TOKEN", who -> who != Who.NOBODY, who -> true, null);

        static final Rule SITE_ADMIN = new Rule("SITE_ADMIN", who -> who == Who.SITE_ADMIN, who -> true, null);
        /**
         * Only the one person it belongs to (the author of a comment, the person an invitation is for), not even a
         * site admin: the fixtures make it the member's.
         */
        static final Rule PERSONAL = new Rule("PERSONAL", who -> who == Who.MEMBER, who -> true, null);
        /**
         * The second step of signing in: only for a browser whose password was just right, which none of the callers
         * is; everyone is sent to sign in.
         */
        static final Rule SECOND_STEP = new Rule("SECOND_STEP", who -> false, who -> true, Outcome.SIGN_IN);
        /** Exists only in dev mode, where mail is captured: 404 for everyone in tests and in production. */
        static final Rule DEV_ONLY = new Rule("DEV_ONLY", who -> false, who -> false, Outcome.HIDDEN);
        /** A machine endpoint with its own secret, which no person holds: 401 for every caller here. */
        static final Rule WEBHOOK_SECRET = new Rule("WEBHOOK_SECRET", who -> false, who -> false, Outcome.UNAUTHORIZED);
        /**
         * An inbox: other servers post activities signed with HTTP Signatures by the key of their actor; no person's
         * session or token counts, so every caller here, unsigned, gets 401.
         */
        static final Rule HTTP_SIGNATURE = new Rule("HTTP_SIGNATURE", who -> false, who -> false, Outcome.UNAUTHORIZED);
        /** The container's error page: asked for directly, it is not found. */
        static final Rule NOT_A_PAGE = new Rule("NOT_A_PAGE", who -> false, who -> false, Outcome.HIDDEN);

        /** Site admins, and whoever holds the permission in the organization (own, for the matrix). */
        static Rule role(Permission permission) {
            return new Rule("ROLE(" + permission.name() + ")", who -> who.holds(permission), who -> true, null);
        }

        Rule or(Rule other) {
            return new Rule(name + " or " + other.name, allows.or(other.allows), sees, forEveryone);
        }

        Rule and(Rule other) {
            return new Rule(name + " and " + other.name, allows.and(other.allows), sees, forEveryone);
        }

        /** Those who may not get 404: for them the thing does not exist. */
        Rule hiddenFromOthers() {
            return new Rule(name + " hidden from others", allows, who -> false, forEveryone);
        }

        /** Those who may not get 404, except those the other rule allows, who see it and get 403. */
        Rule hiddenFromOthersBut(Rule seeing) {
            return new Rule(name + " hidden from all but " + seeing.name, allows, seeing.allows, forEveryone);
        }

        Outcome expected(Who who, boolean api) {
            if (forEveryone != null) {
                return forEveryone;
            }
            if (allows.test(who)) {
                return Outcome.ALLOWED;
            }
            if (who == Who.NOBODY) {
                return api ? Outcome.UNAUTHORIZED : Outcome.SIGN_IN;
            }
            return sees.test(who) ? Outcome.DENIED : Outcome.HIDDEN;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
