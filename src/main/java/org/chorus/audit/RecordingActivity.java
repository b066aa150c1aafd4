package org.chorus.audit;

import java.time.Clock;
import org.chorus.accounts.AccountSecurityChanged;
import org.chorus.actions.ActionApproved;
import org.chorus.actions.ActionRejected;
import org.chorus.campaigns.CampaignPublished;
import org.chorus.campaigns.CampaignWithdrawn;
import org.chorus.comments.CommentModerated;
import org.chorus.comments.CommenterBanned;
import org.chorus.imports.WordPressImported;
import org.chorus.organizations.MemberInvited;
import org.chorus.organizations.MemberJoined;
import org.chorus.organizations.MemberRemoved;
import org.chorus.organizations.MemberRoleChanged;
import org.chorus.organizations.OrganizationApproved;
import org.chorus.organizations.OrganizationProfileChanged;
import org.chorus.organizations.OrganizationRegistered;
import org.chorus.organizations.ReviewerDesignationChanged;
import org.chorus.signons.SignOnOrganizerDesignated;
import org.chorus.signons.SignOnsChangedByOrganizers;
import org.chorus.statements.CoIssueAnswered;
import org.chorus.statements.CoIssueRequested;
import org.chorus.statements.StatementPublished;
import org.chorus.statements.StatementRetracted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events of the modules below into lines of the audit log, each after its change committed, in a transaction
 * of its own (Spring Modulith's registry runs a listener that failed again at the next start). Events that carry no
 * time of their own are dated when they are recorded, normally within a second of the change. Only ids and short
 * labels are kept: never a network address, an email address or a name.
 */
@Component
class RecordingActivity {

    private final AuditEntries entries;
    private final Clock clock;

    RecordingActivity(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AccountSecurityChanged event) {
        entries.insert(AuditEntry.of("account." + event.change().name(), event.at(), event.account())
                .about(event.account())
                .saying(event.detail()));
    }

    @ApplicationModuleListener
    void on(OrganizationRegistered event) {
        var entry = event.pending()
                ? AuditEntry.of("organization.ASKED_TO_JOIN", clock.instant(), event.by())
                        .concerning(event.parent())
                : AuditEntry.of("organization.REGISTERED", clock.instant(), event.by());
        entries.insert(entry.in(event.organization()));
    }

    /** Both organizations' owners see it: the parent's decided, the child's waited for it. */
    @ApplicationModuleListener
    void on(OrganizationApproved event) {
        var now = clock.instant();
        entries.insert(AuditEntry.of("organization.APPROVED", now, event.by())
                .in(event.organization())
                .concerning(event.parent()));
        entries.insert(AuditEntry.of("organization.CHILD_APPROVED", now, event.by())
                .in(event.parent())
                .concerning(event.organization()));
    }

    @ApplicationModuleListener
    void on(OrganizationProfileChanged event) {
        entries.insert(AuditEntry.of("organization.PROFILE_CHANGED", clock.instant(), event.by())
                .in(event.organization()));
    }

    @ApplicationModuleListener
    void on(MemberJoined event) {
        entries.insert(AuditEntry.of("members.JOINED", clock.instant(), event.account())
                .in(event.organization())
                .about(event.account())
                .saying(event.role().name()));
    }

    @ApplicationModuleListener
    void on(MemberInvited event) {
        entries.insert(AuditEntry.of("members.INVITED", event.at(), event.by())
                .in(event.organization())
                .saying(event.role().name()));
    }

    @ApplicationModuleListener
    void on(MemberRoleChanged event) {
        entries.insert(AuditEntry.of("members.ROLE_CHANGED", event.at(), event.by())
                .in(event.organization())
                .about(event.account())
                .saying(event.role().name()));
    }

    @ApplicationModuleListener
    void on(MemberRemoved event) {
        entries.insert(AuditEntry.of("members.REMOVED", event.at(), event.by())
                .in(event.organization())
                .about(event.account())
                .saying(event.role().name()));
    }

    @ApplicationModuleListener
    void on(ReviewerDesignationChanged event) {
        var kind = event.reviewer() ? "members.REVIEWER_DESIGNATED" : "members.REVIEWER_WITHDRAWN";
        entries.insert(AuditEntry.of(kind, event.at(), event.by())
                .in(event.organization())
                .about(event.account()));
    }

    @ApplicationModuleListener
    void on(SignOnOrganizerDesignated event) {
        var kind = event.organizer() ? "signons.ORGANIZER_DESIGNATED" : "signons.ORGANIZER_WITHDRAWN";
        entries.insert(AuditEntry.of(kind, event.at(), event.by())
                .in(event.organization())
                .about(event.account()));
    }

    /** What organizers did to a statement's sign-ons by hand; how many, never whose. */
    @ApplicationModuleListener
    void on(SignOnsChangedByOrganizers event) {
        entries.insert(AuditEntry.of("signons." + event.change().name(), event.at(), event.by())
                .in(event.issuer())
                .on(event.statement())
                .saying(event.count() + "/"));
    }

    /** Imported statements are not recorded one by one: the import is one entry ({@link WordPressImported}). */
    @ApplicationModuleListener
    void on(StatementPublished event) {
        var kind = switch (event.kind()) {
            case IMPORT -> null;
            case REPUBLICATION -> "statements.REPUBLISHED";
            case ORIGINAL -> event.by() == null ? "statements.PUBLISHED_AS_SCHEDULED" : "statements.PUBLISHED";
        };
        if (kind != null) {
            entries.insert(AuditEntry.of(kind, clock.instant(), event.by())
                    .in(event.issuer())
                    .on(event.statement()));
        }
    }

    @ApplicationModuleListener
    void on(StatementRetracted event) {
        entries.insert(AuditEntry.of("statements.RETRACTED", clock.instant(), event.by())
                .in(event.issuer())
                .on(event.statement()));
    }

    /** In the issuer's log: who asked which organization to co-issue (decision 0020). */
    @ApplicationModuleListener
    void on(CoIssueRequested event) {
        entries.insert(AuditEntry.of("statements.CO_ISSUE_REQUESTED", event.at(), event.by())
                .in(event.issuer())
                .concerning(event.invited())
                .on(event.statement()));
    }

    /**
     * In the invited organization's log: who accepted to co-issue in its name. A request that ends otherwise (declined
     * or withdrawn: the event does not tell which) commits no one and is not recorded.
     */
    @ApplicationModuleListener
    void on(CoIssueAnswered event) {
        if (event.accepted()) {
            entries.insert(AuditEntry.of("statements.CO_ISSUE_ACCEPTED", event.at(), event.by())
                    .in(event.invited())
                    .concerning(event.issuer())
                    .on(event.statement()));
        }
    }

    @ApplicationModuleListener
    void on(CommentModerated event) {
        entries.insert(AuditEntry.of("comments." + event.decision().name(), event.at(), event.moderator())
                .in(event.organization())
                .on(event.statement()));
    }

    /** The banned person does not see it in their own log: it would name the moderator to them. */
    @ApplicationModuleListener
    void on(CommenterBanned event) {
        var kind = event.account() == null ? "comments.GUEST_BANNED" : "comments.BANNED";
        entries.insert(AuditEntry.of(kind, event.at(), event.moderator())
                .in(event.organization())
                .about(event.account())
                .hiddenFromSubject());
    }

    @ApplicationModuleListener
    void on(WordPressImported event) {
        entries.insert(AuditEntry.of("imports.WORDPRESS", event.at(), event.by())
                .in(event.organization())
                .saying(event.statements() + "/" + event.comments()));
    }

    /** Campaigns carry their title at the time (a short public label): a campaign has no page of its own in the log. */
    @ApplicationModuleListener
    void on(CampaignPublished event) {
        entries.insert(AuditEntry.of("campaigns.PUBLISHED", clock.instant(), event.by())
                .in(event.issuer())
                .saying(event.title()));
    }

    @ApplicationModuleListener
    void on(CampaignWithdrawn event) {
        entries.insert(AuditEntry.of("campaigns.WITHDRAWN", clock.instant(), event.by())
                .in(event.issuer())
                .saying(event.title()));
    }

    /** Actions judged by a campaign's organizers, in the campaign's organization, with the action's title then. */
    @ApplicationModuleListener
    void on(ActionApproved event) {
        entries.insert(AuditEntry.of("actions.APPROVED", clock.instant(), event.by())
                .in(event.issuer())
                .saying(event.title()));
    }

    @ApplicationModuleListener
    void on(ActionRejected event) {
        entries.insert(AuditEntry.of("actions.REJECTED", clock.instant(), event.by())
                .in(event.issuer())
                .saying(event.title()));
    }
}
