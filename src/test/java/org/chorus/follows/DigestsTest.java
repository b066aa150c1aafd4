package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.header;
import static org.chorus.follows.FollowMail.html;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.follows.FollowMail.text;

import java.time.Duration;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusModuleTest
class DigestsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    FollowFixtures follows;

    @Autowired
    SendingDigests digests;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void weekly_followers_get_one_digest_a_week_in_their_language_and_none_when_nothing_is_new() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var owner = statements.ownerOf(coalition);
        var chapterOwner = statements.ownerOf(chapter);
        var english = Fixtures.uniqueEmail("weekly");
        var arabic = Fixtures.uniqueEmail("weekly-ar");
        follows.follow(english, "organization", coalition.slug(), "en", "WEEKLY", true);
        follows.follow(arabic, "organization", coalition.slug(), "ar", "WEEKLY", false);

        var first = statements.published(owner, coalition, "en", "First of the week", "We ask.");
        var second = statements.published(chapterOwner, chapter, "en", "The chapter speaks", "We ask.");
        assertThat(digestsTo(coalition))
                .as("weekly followers get no letter per statement")
                .isZero();
        digests.sendDue();
        assertThat(digestsTo(coalition)).as("not a week yet").isZero();

        follows.advance(Duration.ofDays(7).plusHours(1));
        digests.sendDue();
        var digest = TestMail.await(english, 2).get(1);
        assertThat(subject(digest)).isEqualTo("This week: " + coalition.name());
        assertThat(text(digest))
                .contains("2 new statements for " + coalition.name())
                .contains("First of the week")
                .contains("http://localhost/s/" + first.slug())
                .contains("The chapter speaks")
                .contains("http://localhost/s/" + second.slug())
                .contains("and the organizations below it");
        assertThat(header(digest, "List-Unsubscribe")).isNotNull();

        var arabicDigest = TestMail.await(arabic, 2).get(1);
        assertThat(subject(arabicDigest)).isEqualTo("هذا الأسبوع: " + coalition.name());
        assertThat(Html.select(html(arabicDigest), "html[dir=rtl]")).isNotEmpty();
        assertThat(Html.select(html(arabicDigest), "a:containsOwn(First of the week)"))
                .isNotEmpty();
        assertThat(text(arabicDigest)).doesNotContain("The chapter speaks");
        assertThat(digestsTo(coalition)).isEqualTo(2);

        digests.sendDue();
        follows.advance(Duration.ofDays(7).plusHours(1));
        digests.sendDue();
        assertThat(digestsTo(coalition)).as("nothing new, nothing sent").isEqualTo(2);

        var third = statements.published(owner, coalition, "en", "A new week", "We ask.");
        follows.advance(Duration.ofDays(7).plusHours(1));
        digests.sendDue();
        var next = TestMail.await(english, 3).get(2);
        assertThat(text(next)).contains("A new week").doesNotContain("First of the week");
        assertThat(third.slug()).isNotBlank();
    }

    @Test
    void a_topic_can_be_followed_weekly() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var topic = Fixtures.unique("forests").toLowerCase();
        var email = Fixtures.uniqueEmail("weekly-topic");
        follows.follow(email, "topic", topic, "fr", "WEEKLY", false);
        follows.publish(owner, coalition, "en", "Save the forests", topic);
        follows.publish(owner, coalition, "en", "Something else", "energy");

        follows.advance(Duration.ofDays(7).plusHours(1));
        digests.sendDue();
        var digest = TestMail.await(email, 2).get(1);
        assertThat(subject(digest)).isEqualTo("Cette semaine : le thème « " + topic + " »");
        assertThat(text(digest)).contains("Save the forests").doesNotContain("Something else");
    }

    private long digestsTo(Organization organization) {
        return jdbc.sql("""
                        select count(*) from email_outbox o where exists (
                            select 1 from follows f where f.organization_id = :org
                              and o.idempotency_key like 'follows.digest:' || f.id || ':%')""")
                .param("org", organization.id().value())
                .query(Long.class)
                .single();
    }
}
