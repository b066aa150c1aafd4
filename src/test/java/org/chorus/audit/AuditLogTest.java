package org.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorus.support.Eventually.eventually;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.chorus.accounts.AccountSecurityChanged;
import org.chorus.accounts.AccountSecurityChanged.Change;
import org.chorus.actions.ActionApproved;
import org.chorus.actions.ActionId;
import org.chorus.actions.ActionRejected;
import org.chorus.campaigns.CampaignId;
import org.chorus.campaigns.CampaignPublished;
import org.chorus.campaigns.CampaignWithdrawn;
import org.chorus.comments.CommentId;
import org.chorus.comments.CommentModerated;
import org.chorus.comments.CommenterBanned;
import org.chorus.imports.WordPressImported;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.PermissionDenied;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.StatementFixtures;
import org.chorus.statements.WritingStatements;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Each kind of event becomes a line of the audit log, with who did it, in the logs of those who may read it. */
@ChorusModuleTest
class AuditLogTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ReadingActivity activity;

    @Autowired
    ManagingMembers members;

    @Autowired
    RegisteringOrganizations registering;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    WritingStatements writing;

    @Autowired
    org.chorus.statements.CoIssuing coIssuing;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestClock clock;

    @Test
    void every_change_to_how_an_account_signs_in_is_in_that_persons_log_and_in_no_one_elses() {
        var person = Actor.of(fixtures.person("careful"));
        var someoneElse = Actor.of(fixtures.person("someone-else"));
        transactions.executeWithoutResult(status -> {
            for (var change : Change.values()) {
                events.publishEvent(new AccountSecurityChanged(
                        person.account(),
                        change,
                        change == Change.API_TOKEN_CREATED ? "laptop script" : null,
                        clock.instant()));
            }
        });

        var kinds = awaitKinds(() -> activity.ofAccount(person, null), Change.values().length);
        assertThat(kinds)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Change.values())
                        .map(c -> "account." + c.name())
                        .toList());
        var created = line(activity.ofAccount(person, null), "account.API_TOKEN_CREATED");
        assertThat(created.entry().actor()).isEqualTo(person.account());
        assertThat(created.entry().subject()).isEqualTo(person.account());
        assertThat(created.entry().organization()).isNull();
        assertThat(created.entry().detail()).isEqualTo("laptop script");
        assertThat(created.actor()).isEqualTo("Person careful");
        assertThat(activity.ofAccount(someoneElse, null).lines()).isEmpty();
    }

    @Test
    void invitations_role_changes_reviewers_and_removals_are_in_the_organizations_log_with_who_did_them() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var member = fixtures.person("member");
        fixtures.grant(org, member, Role.MEMBER);
        var invited = Fixtures.uniqueEmail("invited");

        members.invite(owner, org.id(), invited, Role.EDITOR);
        members.changeRole(owner, org.id(), member.id(), Role.EDITOR);
        members.designateReviewer(owner, org.id(), member.id(), true);
        members.designateReviewer(owner, org.id(), member.id(), false);
        members.remove(owner, org.id(), member.id());

        // each change is written by an asynchronous listener, in no promised order: wait for all of them
        awaitKinds(
                () -> activity.ofOrganization(owner, org.slug(), null),
                "members.INVITED",
                "members.ROLE_CHANGED",
                "members.REVIEWER_DESIGNATED",
                "members.REVIEWER_WITHDRAWN",
                "members.REMOVED");
        var log = activity.ofOrganization(owner, org.slug(), null);
        var invitation = line(log, "members.INVITED");
        assertThat(invitation.entry().actor()).isEqualTo(owner.account());
        assertThat(invitation.entry().detail()).isEqualTo("EDITOR");
        assertThat(invitation.entry().subject()).as("the address is not kept").isNull();
        var changed = line(log, "members.ROLE_CHANGED", member.id());
        assertThat(changed.entry().actor()).isEqualTo(owner.account());
        assertThat(changed.entry().detail()).isEqualTo("EDITOR");
        assertThat(line(log, "members.REVIEWER_DESIGNATED").entry().subject()).isEqualTo(member.id());
        assertThat(line(log, "members.REVIEWER_WITHDRAWN").entry().subject()).isEqualTo(member.id());
        var removed = line(log, "members.REMOVED");
        assertThat(removed.entry().subject()).isEqualTo(member.id());
        assertThat(removed.entry().detail()).as("the role they had").isEqualTo("EDITOR");
        assertThat(log.lines())
                .noneSatisfy(l -> assertThat(String.valueOf(l.entry().detail())).contains(invited));

        var ownLog = activity.ofAccount(Actor.of(member), null);
        assertThat(ownLog.lines())
                .extracting(l -> l.entry().kind())
                .as("what was done to the member is in their own log")
                .contains("members.ROLE_CHANGED", "members.REVIEWER_DESIGNATED", "members.REMOVED")
                .doesNotContain("members.INVITED");
        assertThat(line(ownLog, "members.REMOVED").actor()).isEqualTo("Person owner");
    }

    @Test
    void joining_by_invitation_and_creating_an_organization_are_recorded() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var joining = fixtures.person("joining");
        var link = members.invite(owner, org.id(), joining.email(), Role.MODERATOR);
        members.accept(Actor.of(joining), link.substring(link.lastIndexOf('/') + 1));
        var chapter = registering.registerBelow(
                Actor.of(joining), org.slug(), OrganizationKind.CHAPTER, Fixtures.profile(Fixtures.unique("Chapter")));

        var ownLog = awaitKinds(() -> activity.ofAccount(Actor.of(joining), null), "organization.ASKED_TO_JOIN");
        assertThat(ownLog).contains("members.JOINED");
        var log = awaitKinds(() -> activity.ofOrganization(owner, org.slug(), null), "organization.REGISTERED");
        assertThat(log).contains("members.INVITED");
        var joined = line(activity.ofOrganization(owner, org.slug(), null), "members.JOINED", joining.id());
        assertThat(joined.entry().actor()).isEqualTo(joining.id());
        assertThat(joined.entry().detail()).isEqualTo("MODERATOR");
        assertThat(line(activity.ofOrganization(owner, org.slug(), null), "organization.REGISTERED")
                        .entry()
                        .actor())
                .as("the site admin who founded the coalition")
                .isNotNull();
        var asked =
                line(activity.ofOrganization(Actor.of(joining), chapter.slug(), null), "organization.ASKED_TO_JOIN");
        assertThat(asked.entry().actor()).isEqualTo(joining.id());
        assertThat(asked.otherOrganization()).isEqualTo(org.name());
    }

    @Test
    void an_approved_child_organization_and_a_profile_change_are_recorded_for_both_organizations() {
        var parent = fixtures.coalition();
        var owner = statements.ownerOf(parent);
        var asking = Actor.of(fixtures.person("asking"));
        var child = registering.registerBelow(
                asking, parent.slug(), OrganizationKind.CHAPTER, Fixtures.profile(Fixtures.unique("Chapter")));
        registering.decide(owner, child.slug(), true);
        registering.updateProfile(owner, parent.id(), Fixtures.profile(Fixtures.unique("Renamed")));

        awaitKinds(() -> activity.ofOrganization(owner, parent.slug(), null), "organization.PROFILE_CHANGED");
        var parentLog = activity.ofOrganization(owner, parent.slug(), null);
        var accepted = line(parentLog, "organization.CHILD_APPROVED");
        assertThat(accepted.entry().actor()).isEqualTo(owner.account());
        assertThat(accepted.otherOrganization()).isEqualTo(child.name());
        assertThat(line(parentLog, "organization.PROFILE_CHANGED").entry().actor())
                .isEqualTo(owner.account());
        var childLog = awaitKinds(() -> activity.ofOrganization(asking, child.slug(), null), "organization.APPROVED");
        assertThat(childLog).contains("organization.ASKED_TO_JOIN");
    }

    @Test
    void publications_scheduled_publications_and_retractions_are_recorded_with_the_publisher() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var approved = statements.published(owner, org, "en", Fixtures.unique("Approved"), "Text.");
        reviewing.retract(owner, approved.id(), "Out of date.");
        var scheduled = statements.draft(owner, org, "en", Fixtures.unique("Scheduled"), "Text.");
        reviewing.approve(owner, scheduled.id(), clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        reviewing.publishDue();

        awaitKinds(
                () -> activity.ofOrganization(owner, org.slug(), null),
                "statements.PUBLISHED",
                "statements.RETRACTED",
                "statements.PUBLISHED_AS_SCHEDULED");
        var log = activity.ofOrganization(owner, org.slug(), null);
        var published = line(log, "statements.PUBLISHED");
        assertThat(published.entry().actor()).isEqualTo(owner.account());
        assertThat(published.entry().statement()).isEqualTo(approved.id());
        assertThat(published.statement()).startsWith("Approved");
        assertThat(line(log, "statements.RETRACTED").entry().actor()).isEqualTo(owner.account());
        var onTime = line(log, "statements.PUBLISHED_AS_SCHEDULED");
        assertThat(onTime.entry().actor()).as("Chorus published it").isNull();
        assertThat(onTime.entry().statement()).isEqualTo(scheduled.id());
    }

    @Test
    void approving_and_rejecting_actions_are_recorded_in_the_campaigns_organization_with_the_actions_title() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var title = Fixtures.unique("Tenants' assembly");
        var campaign = CampaignId.random();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(
                    new ActionApproved(ActionId.random(), campaign, "housing", org.id(), title, owner.account()));
            events.publishEvent(
                    new ActionRejected(ActionId.random(), campaign, "housing", org.id(), title, owner.account()));
        });

        awaitKinds(() -> activity.ofOrganization(owner, org.slug(), null), "actions.APPROVED", "actions.REJECTED");
        var log = activity.ofOrganization(owner, org.slug(), null);
        assertThat(line(log, "actions.APPROVED").entry().actor()).isEqualTo(owner.account());
        assertThat(line(log, "actions.REJECTED").entry().detail()).isEqualTo(title);
    }

    @Test
    void publishing_and_withdrawing_a_campaign_are_recorded_with_who_did_it_and_the_campaigns_title() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var title = Fixtures.unique("Housing fortnight");
        var campaign = CampaignId.random();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new CampaignPublished(campaign, "housing", org.id(), "en", title, owner.account()));
            events.publishEvent(new CampaignWithdrawn(campaign, "housing", org.id(), title, owner.account()));
        });

        awaitKinds(
                () -> activity.ofOrganization(owner, org.slug(), null), "campaigns.PUBLISHED", "campaigns.WITHDRAWN");
        var log = activity.ofOrganization(owner, org.slug(), null);
        var published = line(log, "campaigns.PUBLISHED");
        assertThat(published.entry().actor()).isEqualTo(owner.account());
        assertThat(published.entry().detail()).isEqualTo(title);
        assertThat(line(log, "campaigns.WITHDRAWN").entry().detail()).isEqualTo(title);
    }

    @Test
    void a_co_issue_request_is_in_the_issuers_log_and_its_acceptance_in_the_invited_organizations_log() {
        var issuer = fixtures.coalition();
        var invited = fixtures.coalition();
        var ownerOfIssuer = statements.ownerOf(issuer);
        var ownerOfInvited = statements.ownerOf(invited);
        var draft = statements.draft(ownerOfIssuer, issuer, "en", Fixtures.unique("Joint"), "Text.");
        var request = coIssuing.request(ownerOfIssuer, draft.id(), invited.slug());
        coIssuing.accept(ownerOfInvited, request.id(), null);

        awaitKinds(() -> activity.ofOrganization(ownerOfIssuer, issuer.slug(), null), "statements.CO_ISSUE_REQUESTED");
        var asked = line(activity.ofOrganization(ownerOfIssuer, issuer.slug(), null), "statements.CO_ISSUE_REQUESTED");
        assertThat(asked.entry().actor()).isEqualTo(ownerOfIssuer.account());
        assertThat(asked.otherOrganization()).isEqualTo(invited.name());
        awaitKinds(() -> activity.ofOrganization(ownerOfInvited, invited.slug(), null), "statements.CO_ISSUE_ACCEPTED");
        var accepted =
                line(activity.ofOrganization(ownerOfInvited, invited.slug(), null), "statements.CO_ISSUE_ACCEPTED");
        assertThat(accepted.entry().actor()).isEqualTo(ownerOfInvited.account());
        assertThat(accepted.otherOrganization()).isEqualTo(issuer.name());
        assertThat(accepted.statement()).startsWith("Joint");
    }

    /**
     * The comments and imports modules are above what this module's test context starts (Spring Modulith does not
     * bootstrap the modules a module only listens to), so their events are published here as they publish them;
     * comments.ModerationEventsTest and imports.ImportEventsTest prove the use cases publish them.
     */
    @Test
    void moderation_decisions_and_bans_are_recorded_with_the_moderator_but_the_banned_person_does_not_see_who() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var moderator = Actor.of(fixtures.person("moderator"));
        var title = Fixtures.unique("Commented");
        var statement = statements.published(owner, org, "en", title, "Text.");
        var reader = Actor.of(fixtures.person("reader"));
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            for (var decision : CommentModerated.Decision.values()) {
                events.publishEvent(new CommentModerated(
                        CommentId.random(), statement.id(), org.id(), moderator.account(), decision, now));
            }
            events.publishEvent(new CommenterBanned(org.id(), reader.account(), moderator.account(), now));
            events.publishEvent(new CommenterBanned(org.id(), null, moderator.account(), now));
        });

        awaitKinds(
                () -> activity.ofOrganization(owner, org.slug(), null),
                "comments.APPROVED",
                "comments.REJECTED",
                "comments.SPAM",
                "comments.BANNED",
                "comments.GUEST_BANNED");
        var log = activity.ofOrganization(owner, org.slug(), null);
        for (var kind : List.of("comments.APPROVED", "comments.REJECTED", "comments.SPAM")) {
            var decided = line(log, kind);
            assertThat(decided.entry().actor()).as(kind).isEqualTo(moderator.account());
            assertThat(decided.entry().statement()).as(kind).isEqualTo(statement.id());
            assertThat(decided.statement()).as(kind).isEqualTo(title);
        }
        assertThat(line(log, "comments.BANNED").entry().subject()).isEqualTo(reader.account());
        assertThat(line(log, "comments.GUEST_BANNED").entry().subject()).isNull();
        assertThat(activity.ofAccount(moderator, null).lines())
                .extracting(l -> l.entry().kind())
                .as("the moderator sees what they did")
                .contains("comments.BANNED", "comments.SPAM");
        assertThat(activity.ofAccount(reader, null).lines())
                .as("the ban would name the moderator to the banned person")
                .isEmpty();
    }

    @Test
    void a_wordpress_import_is_one_entry_with_who_and_how_many() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        transactions.executeWithoutResult(status ->
                events.publishEvent(new WordPressImported(org.id(), owner.account(), 12, 30, clock.instant())));

        awaitKinds(() -> activity.ofOrganization(owner, org.slug(), null), "imports.WORDPRESS");
        var imported = line(activity.ofOrganization(owner, org.slug(), null), "imports.WORDPRESS");
        assertThat(imported.entry().actor()).isEqualTo(owner.account());
        assertThat(imported.entry().detail()).isEqualTo("12/30");
    }

    @Test
    void an_imported_statement_is_not_recorded_one_by_one() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var imported = writing.importStatement(
                owner,
                org.id(),
                new org.chorus.statements.StatementDraft(
                        "en", Fixtures.unique("Imported"), "", "Text.", null, null, null, false, List.of(), List.of()),
                clock.instant().minus(Duration.ofDays(800)),
                true);
        var marker = statements.published(owner, org, "en", Fixtures.unique("After"), "Text.");

        awaitKinds(() -> activity.ofOrganization(owner, org.slug(), null), "statements.PUBLISHED");
        assertThat(activity.ofOrganization(owner, org.slug(), null).lines())
                .extracting(l -> l.entry().statement())
                .contains(marker.id())
                .doesNotContain(imported.id());
    }

    @Test
    void only_the_organizations_owners_read_its_log() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var otherOwner = statements.ownerOf(fixtures.coalition());
        for (var role : List.of(Role.EDITOR, Role.MODERATOR, Role.MEMBER)) {
            var person = fixtures.person(role.name().toLowerCase(java.util.Locale.ROOT));
            fixtures.grant(org, person, role);
            assertThatThrownBy(() -> activity.ofOrganization(Actor.of(person), org.slug(), null))
                    .as(role.name())
                    .isInstanceOf(PermissionDenied.class);
        }
        assertThatThrownBy(() -> activity.ofOrganization(otherOwner, org.slug(), null))
                .isInstanceOf(PermissionDenied.class);
        assertThat(awaitKinds(() -> activity.ofOrganization(owner, org.slug(), null), "members.ROLE_CHANGED"))
                .isNotEmpty();
        assertThat(activity.ofOrganization(fixtures.siteAdmin(), org.slug(), null)
                        .lines())
                .isNotEmpty();
    }

    @Test
    void a_long_log_comes_in_pages_newest_first_and_the_pages_meet_without_a_gap() {
        var person = Actor.of(fixtures.person("busy"));
        var start = clock.instant();
        int count = ReadingActivity.PAGE_SIZE + 7;
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                // two entries at the same instant: the id keeps them apart
                events.publishEvent(new AccountSecurityChanged(
                        person.account(), Change.SIGNED_IN_FROM_NEW_DEVICE, null, start.plusSeconds(i / 2)));
            }
        });
        eventually("every entry is recorded")
                .until(() -> activity.ofAccount(person, null).older().isPresent()
                        && activity.ofAccount(
                                                person,
                                                activity.ofAccount(person, null)
                                                        .older()
                                                        .orElseThrow())
                                        .lines()
                                        .size()
                                == 7);

        var first = activity.ofAccount(person, null);
        var cursor = ActivityCursor.parse(first.older().orElseThrow().value()).orElseThrow();
        var second = activity.ofAccount(person, cursor);
        assertThat(first.lines()).hasSize(ReadingActivity.PAGE_SIZE);
        assertThat(second.older()).isEmpty();
        var all = new java.util.ArrayList<>(first.lines());
        all.addAll(second.lines());
        assertThat(all).extracting(l -> l.entry().id()).doesNotHaveDuplicates().hasSize(count);
        assertThat(all)
                .extracting(l -> l.entry().occurredAt())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static ReadingActivity.Line line(ReadingActivity.Activity log, String kind) {
        return log.lines().stream()
                .filter(l -> l.entry().kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + log.lines()));
    }

    private static ReadingActivity.Line line(
            ReadingActivity.Activity log, String kind, org.chorus.accounts.AccountId subject) {
        return log.lines().stream()
                .filter(l -> l.entry().kind().equals(kind)
                        && subject.equals(l.entry().subject()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " about " + subject + " in " + log.lines()));
    }

    /** Waits for the listeners (after commit, on another thread) until the log holds these kinds; returns its kinds. */
    private static List<String> awaitKinds(Supplier<ReadingActivity.Activity> log, String... kinds) {
        eventually("the log holds " + List.of(kinds))
                .until(() -> kinds(log.get()).containsAll(List.of(kinds)));
        return kinds(log.get());
    }

    private static List<String> awaitKinds(Supplier<ReadingActivity.Activity> log, int count) {
        eventually("the log holds " + count + " entries")
                .until(() -> log.get().lines().size() >= count);
        return kinds(log.get());
    }

    private static List<String> kinds(ReadingActivity.Activity log) {
        return log.lines().stream().map(l -> l.entry().kind()).toList();
    }
}
