package org.chorus.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.chorus.accounts.ChorusUser;
import org.chorus.comments.CommentFixtures;
import org.chorus.follows.FollowFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, hole 5: an image from another server in a statement, an announcement or imported content would be fetched
 * by every reader's browser or mail program, telling that server who reads what. Each way out of Chorus shows the
 * image a writer uploaded and none from elsewhere.
 */
@ChorusWebTest
class RemoteImagesTest {

    private static final String TRACKER = "tracker.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    FollowFixtures follows;

    @Autowired
    UploadingImages uploading;

    @Autowired
    CommentFixtures comments;

    @Autowired
    JdbcClient jdbc;

    Organization organization;
    ChorusUser owner;
    UploadedImage upload;
    String body;

    @BeforeEach
    void an_organization_with_an_uploaded_image_and_a_text_that_also_points_elsewhere() {
        organization = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        upload = uploading.upload(
                Actor.of(owner), organization.slug(), new ByteArrayInputStream(TestImages.png(40, 20)), "Our banner");
        body = "We march on Saturday.\n\n![p](https://tracker.example/pixel.png)\n\n" + upload.markdown()
                + "\n\n<img src=\"https://tracker.example/raw.gif\" alt=\"crowd\" width=\"1\">";
    }

    @Test
    void the_statement_page_shows_the_upload_and_the_alt_text_of_the_remote_images() throws Exception {
        var statement =
                statements.published(Actor.of(owner), organization, "en", Fixtures.unique("Images on the page"), body);

        var page = mvc.perform(get("/s/" + statement.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain(TRACKER);
        var html = Html.parse(page);
        assertThat(html.select(".statement-body img").eachAttr("src")).containsExactly(upload.path());
        assertThat(html.select(".statement-body").text()).contains("[\uD83D\uDDBC p]", "[\uD83D\uDDBC crowd]");
        assertThat(html.select(".removed-images"))
                .as("the note is for writers only")
                .isEmpty();
    }

    @Test
    void the_api_gives_the_upload_at_its_full_address_and_no_remote_image_in_html_or_markdown() throws Exception {
        var statement =
                statements.published(Actor.of(owner), organization, "en", Fixtures.unique("Images in the API"), body);

        var json = mvc.perform(get("/api/v1/statements/" + statement.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(json)
                .doesNotContain(TRACKER)
                .contains("<img src=\\\"http://localhost" + upload.path() + "\\\"")
                .contains(upload.markdown());
    }

    @Test
    void the_feed_carries_no_remote_image() throws Exception {
        statements.published(Actor.of(owner), organization, "en", Fixtures.unique("Images in the feed"), body);

        var feed = mvc.perform(get("/statements.atom").param("organization", organization.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(feed).contains("We march on Saturday.").doesNotContain(TRACKER);
    }

    @Test
    void an_announcement_letter_shows_the_upload_from_chorus_and_no_remote_image_in_either_part() throws Exception {
        var follower = Fixtures.uniqueEmail("images-follower");
        follows.follow(follower, "organization", organization.slug(), "en", "IMMEDIATE", false);
        var page = mvc.perform(post("/o/" + organization.slug() + "/manage/announcements")
                        .with(user(owner))
                        .with(csrf())
                        .param("language", "en")
                        .param("subject", "Pictures of the march")
                        .param("body", body))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(page).with(user(owner)))
                .andExpect(Html.has(".removed-images:contains(2 images from other websites were removed)"));

        mvc.perform(post(page + "/send").with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());

        var letter = TestMail.await(follower, 2).get(1);
        var html = ReceivedMail.part(letter, "text/html");
        var text = ReceivedMail.part(letter, "text/plain");
        assertThat(html).doesNotContain(TRACKER);
        assertThat(Html.parse(html).select("img").eachAttr("src")).containsExactly("http://localhost" + upload.path());
        assertThat(text)
                .doesNotContain(TRACKER)
                .contains("We march on Saturday.", "[\uD83D\uDDBC p]", "[\uD83D\uDDBC crowd]");
    }

    @Test
    void a_comment_shows_an_image_it_mentions_as_the_text_that_was_written() throws Exception {
        var statement = comments.published(Actor.of(owner), organization, true);
        comments.post(
                Actor.of(owner),
                statement,
                null,
                "We march on Saturday. ![p](https://tracker.example/pixel.png) <img src=\"https://tracker.example/x.gif\">");

        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(status().isOk())
                .andExpect(Html.hasNo(".comment img"))
                .andExpect(Html.has(".comment-body:contains(We march on Saturday.)"));
    }

    @Test
    void an_imported_wordpress_post_keeps_no_remote_image() throws Exception {
        var title = Fixtures.unique("Imported with images");
        var wxr = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Old site</title>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:base_site_url>https://old.example</wp:base_site_url>
                  <item>
                    <title>%s</title>
                    <dc:creator><![CDATA[admin]]></dc:creator>
                    <content:encoded><![CDATA[<p>From the old site.</p>
                <figure><img src="https://tracker.example/wp-content/uploads/photo.jpg" alt="old photo" srcset="https://tracker.example/a.jpg 2x"></figure>
                <p><img src="%s" alt="kept"></p>]]></content:encoded>
                    <wp:post_id>7</wp:post_id>
                    <wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt>
                    <wp:status>publish</wp:status>
                    <wp:post_type>post</wp:post_type>
                  </item>
                </channel>
                </rss>
                """.formatted(title, upload.path());
        mvc.perform(multipart("/o/" + organization.slug() + "/import")
                        .file(new MockMultipartFile(
                                "file", "old.xml", "text/xml", wxr.getBytes(StandardCharsets.UTF_8)))
                        .param("language", "en")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // the import runs in the background (decision 0016): its statement appears once it is done
        var slug = org.chorus.support.Eventually.eventually("the import is done")
                .until(
                        () -> jdbc.sql("""
                                        select s.slug from statements s join statement_texts t on t.statement_id = s.id
                                        where t.title = :title""")
                                .param("title", title)
                                .query(String.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();

        var page = mvc.perform(get("/s/" + slug))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain(TRACKER).contains("From the old site.");
        assertThat(Html.parse(page).select(".statement-body img").eachAttr("src"))
                .containsExactly(upload.path());
    }

    @Test
    void a_rendering_stored_before_the_rule_loses_its_remote_images_when_it_is_shown() throws Exception {
        var statement = statements.published(
                Actor.of(owner), organization, "en", Fixtures.unique("Stored before"), "We said this.");
        jdbc.sql("""
                        update statement_texts
                        set body_html = '<p>We said this.</p><p><img src="https://tracker.example/old.png" alt="old" /></p>'
                        where statement_id = :id""").param("id", statement.id().value()).update();

        mvc.perform(get("/s/" + statement.slug()).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(Html.hasNo("img[src*=tracker]"))
                .andExpect(Html.has(".statement-body p:contains(old)"));
        var json = mvc.perform(get("/api/v1/statements/" + statement.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).doesNotContain(TRACKER);
    }

    @Test
    void the_writer_is_told_how_many_remote_images_were_removed_in_the_preview_and_on_the_saved_statement()
            throws Exception {
        mvc.perform(post("/statements/preview")
                        .with(user(owner))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("body", body))
                .andExpect(status().isOk())
                .andExpect(Html.has(".removed-images:contains(2 images from other websites were removed)"))
                .andExpect(Html.has("img[src='" + upload.path() + "']"));
        mvc.perform(post("/o/" + organization.slug() + "/statements/new")
                        .with(user(owner))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("language", "fr")
                        .param("title", "Aperçu")
                        .param("body", "![p](https://tracker.example/p.png)")
                        .param("preview", "1"))
                .andExpect(status().isOk())
                .andExpect(Html.has(".removed-images:contains(Une image d’un autre site a été retirée)"));

        var statement = statements.draft(Actor.of(owner), organization, "en", Fixtures.unique("Saved"), body);
        mvc.perform(get("/s/" + statement.slug()).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(Html.has(".removed-images:contains(Upload your pictures to Chorus instead)"));
        mvc.perform(get("/s/" + statement.slug() + "/edit").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(Html.has(".removed-images"))
                .andExpect(Html.has(
                        "form[action='/o/" + organization.slug() + "/manage/images'][enctype='multipart/form-data']"));
    }
}
