package org.chorus.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The test beans of every test context, the whole application's and each module's: the fixtures (made on first use,
 * so a module's context holds only those its modules can build), the shared clock, the query counter, and /dev/mail
 * for the test that switches it on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({
    Fixtures.class,
    org.chorus.statements.StatementFixtures.class,
    org.chorus.comments.CommentFixtures.class,
    org.chorus.follows.FollowFixtures.class,
    org.chorus.signons.SignOnFixtures.class,
    org.chorus.signons.SignOnRows.class,
    org.chorus.campaigns.CampaignFixtures.class,
    org.chorus.actions.ActionFixtures.class,
    org.chorus.rsvps.RsvpFixtures.class,
    org.chorus.turnout.TurnoutFixtures.class,
    org.chorus.letters.LetterFixtures.class,
    QueryCounter.class,
    TestClock.class,
    org.chorus.email.DevMailInTests.class
})
@interface TestBeans {}
