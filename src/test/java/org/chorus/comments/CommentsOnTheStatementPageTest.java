package org.chorus.comments;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The comments module adds its link and count to the statement page, which does not know the comments module. */
@ChorusWebTest
class CommentsOnTheStatementPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    ModeratingComments moderating;

    @Test
    void the_statement_page_says_how_many_comments_it_has_as_soon_as_one_is_approved_or_withdrawn() throws Exception {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var statement = comments.published(owner, organization, true);
        var link = "<a class=\"button button-secondary\" href=\"/s/" + statement.slug() + "/comments\">";
        var page = "/s/" + statement.slug();
        mvc.perform(get(page))
                .andExpect(content().string(Matchers.containsString(link + "Be the first to comment</a>")));

        var first = comments.post(owner, statement, null, "First.");
        comments.post(owner, statement, first.id(), "A reply.");
        comments.post(owner, statement, null, "Second.");
        mvc.perform(get(page))
                .andExpect(content().string(Matchers.containsString(link + "Read 3 comments and write yours</a>")));
        mvc.perform(get(page).header("Accept-Language", "fr"))
                .andExpect(content().string(Matchers.containsString(link + "Lire 3 commentaires et écrire le vôtre")));

        moderating.reject(owner, first.id());
        mvc.perform(get(page))
                .andExpect(content().string(Matchers.containsString(link + "Read 1 comment and write yours</a>")));
    }
}
