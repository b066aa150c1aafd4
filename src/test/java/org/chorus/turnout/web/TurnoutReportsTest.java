package org.chorus.turnout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.Action;
import org.chorus.actions.ActionFixtures;
import org.chorus.images.TestImages;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.chorus.turnout.AskingForTurnout;
import org.chorus.turnout.PhotoStore;
import org.chorus.turnout.TurnoutFixtures;
import org.chorus.turnout.TurnoutRetention;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@ChorusWebTest
class TurnoutReportsTest {

    /** Signed-in readers send their session cookie, so the page cache does not answer them as anonymous. */
    static final Cookie SESSION = new Cookie("chorus_session", "signed-in");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TurnoutFixtures turnout;

    @Autowired
    ActionFixtures actions;

    @Autowired
    PhotoStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    AskingForTurnout asking;

    @Autowired
    TurnoutRetention retention;

    ChorusUser owner;
    ChorusUser host;
    String campaign;

    @BeforeEach
    void a_campaign_whose_day_of_action_was_yesterday() {
        var coalition = fixtures.coalition();
        owner = fixtures.person("organizer");
        fixtures.grant(coalition, owner, Role.OWNER);
        host = fixtures.person("host");
        campaign = turnout.campaign(Actor.of(owner), coalition);
    }

    Action ended(String title, long city) {
        return turnout.ended(Actor.of(host), Actor.of(owner), campaign, Fixtures.unique(title), city);
    }

    MockMultipartHttpServletRequestBuilder report(Action action, ChorusUser who, String participants) {
        var request = multipart("/actions/" + action.id() + "/report");
        request.param("participants", participants).param("body", "We were **many**.");
        request.with(user(who)).with(csrf());
        return request;
    }

    static MockMultipartFile photo(byte[] bytes, String name, String type) {
        return new MockMultipartFile("photo", name, type, bytes);
    }

    Document anonymous(String path) throws Exception {
        return Html.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn());
    }

    int storedPhotos(Action action) {
        return jdbc.sql("select count(*) from turnout_photos where action_id = :id")
                .param("id", action.id().value())
                .query(Integer.class)
                .single();
    }

    @Test
    void a_host_files_a_report_with_a_photo_whose_gps_tags_are_gone_from_the_stored_file() throws Exception {
        var action = ended("March", TurnoutFixtures.PARIS);

        mvc.perform(report(action, host, "120")
                        .file(photo(TestImages.jpegWithGps(), "march.jpg", "image/jpeg"))
                        .param("caption", "The march on the square"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/actions/" + action.id()));

        var page = anonymous("/actions/" + action.id());
        assertThat(page.select(".turnout-count").text()).isEqualTo("120 participants");
        assertThat(page.select(".turnout-report strong").text()).isEqualTo("many");
        assertThat(page.select(".turnout-report .meta").text())
                .as("who filed it is not public")
                .isEmpty();
        var img = page.select(".turnout-photos img");
        assertThat(img.attr("alt")).isEqualTo("The march on the square");
        var path = img.attr("src");
        assertThat(path).matches("/turnout/photos/[0-9a-f-]{36}\\.jpg");

        var served = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "max-age=86400, public"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var key = "turnout/" + path.substring("/turnout/photos/".length());
        var stored = store.read(key).orElseThrow();
        assertThat(stored).isEqualTo(served);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .startsWith("\u00ff\u00d8")
                .doesNotContain("Exif", "GPS", TestImages.PLACE);
        var row = jdbc.sql("select pg_column_size(p.*) from turnout_photos p where action_id = :id")
                .param("id", action.id().value())
                .query(Integer.class)
                .single();
        assertThat(row).as("the database keeps the key, not the bytes").isLessThan(1_000);

        var hostsView = Html.parse(
                mvc.perform(get("/actions/" + action.id()).with(user(host)).cookie(SESSION))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(hostsView.select(".turnout-report .meta").text()).contains("Filed by");
        assertThat(hostsView.select(".turnout-report a[href$=/report]").text()).isEqualTo("Change the turnout report");

        // removing the photo removes the file
        mvc.perform(report(action, host, "130").param("remove", key.substring(8, 44)))
                .andExpect(status().is3xxRedirection());
        assertThat(store.read(key)).isEmpty();
        assertThat(anonymous("/actions/" + action.id()).select(".turnout-count").text())
                .isEqualTo("130 participants");
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void svg_a_gif_an_11_mb_file_and_bad_numbers_are_refused_with_a_message_and_nothing_is_stored() throws Exception {
        var action = ended("Refused", TurnoutFixtures.PARIS);

        var svg = Html.parse(mvc.perform(report(action, host, "10")
                        .file(photo(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                                "x.svg",
                                "image/svg+xml")))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(svg.select("#photos-error").text()).contains("Chorus reads JPEG, PNG and WebP photos");

        var gif = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(TestImages.png(8, 8))), "gif", gif);
        mvc.perform(report(action, host, "10").file(photo(gif.toByteArray(), "x.gif", "image/gif")))
                .andExpect(status().isUnprocessableContent());

        var huge = new byte[11 * 1024 * 1024];
        var tooLarge = Html.parse(mvc.perform(report(action, host, "10").file(photo(huge, "big.jpg", "image/jpeg")))
                .andExpect(status().isPayloadTooLarge())
                .andReturn());
        assertThat(tooLarge.select("#photos-error").text()).contains("larger than 10 MB");

        var numbers = Html.parse(mvc.perform(report(action, host, "-3"))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(numbers.select("#participants-error").text()).contains("from 0 to 1000000");

        var six = report(action, host, "10");
        for (int i = 0; i < 6; i++) {
            six.file(photo(TestImages.png(4, 4), "p" + i + ".png", "image/png"));
        }
        mvc.perform(six).andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select count(*) from turnout_reports where action_id = :id")
                        .param("id", action.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(storedPhotos(action)).isZero();
    }

    @Test
    void a_report_waits_for_the_action_to_start_and_strangers_never_see_the_form() throws Exception {
        var coming = actions.registered(Actor.of(owner), campaign, Fixtures.unique("Tomorrow"));
        var form = Html.parse(
                mvc.perform(get("/actions/" + coming.id() + "/report").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(form.select(".notice").text()).contains("once the action has started");
        mvc.perform(report(coming, owner, "10")).andExpect(status().isConflict());

        var action = ended("Private form", TurnoutFixtures.PARIS);
        var stranger = fixtures.person("stranger");
        mvc.perform(get("/actions/" + action.id() + "/report").with(user(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(report(action, stranger, "10")).andExpect(status().isNotFound());
    }

    @Test
    void organizers_hide_a_report_which_then_is_neither_public_nor_counted_and_show_it_again() throws Exception {
        var action = ended("Hidden", TurnoutFixtures.PARIS);
        mvc.perform(report(action, host, "40").file(photo(TestImages.png(30, 20), "a.png", "image/png")))
                .andExpect(status().is3xxRedirection());
        var path = anonymous("/actions/" + action.id())
                .select(".turnout-photos img")
                .attr("src");
        assertThat(anonymous("/c/" + campaign).select(".turnout-total").text()).startsWith("40 people");

        mvc.perform(post("/actions/" + action.id() + "/report/hidden")
                        .param("hidden", "true")
                        .with(user(host))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/actions/" + action.id() + "/report/hidden")
                        .param("hidden", "true")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(anonymous("/actions/" + action.id()).select(".turnout-report"))
                .isEmpty();
        assertThat(anonymous("/c/" + campaign).select(".campaign-turnout")).isEmpty();
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get(path).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store, private"));
        var organizersView = Html.parse(
                mvc.perform(get("/actions/" + action.id()).with(user(owner)).cookie(SESSION))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(organizersView.select(".turnout-report .notice").text()).contains("The organizers hid this report");
        assertThat(organizersView.select(".turnout-report button").text()).isEqualTo("Show the report again");

        mvc.perform(post("/actions/" + action.id() + "/report/hidden")
                        .param("hidden", "false")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(anonymous("/actions/" + action.id()).select(".turnout-count").text())
                .isEqualTo("40 participants");
        mvc.perform(get(path)).andExpect(status().isOk());
    }

    @Test
    void the_campaign_page_totals_reported_turnout_by_country_and_by_day() throws Exception {
        var paris = ended("Paris", TurnoutFixtures.PARIS);
        var berlin = ended("Berlin", TurnoutFixtures.BERLIN);
        var other = ended("Paris again", TurnoutFixtures.PARIS);
        mvc.perform(report(paris, host, "100")).andExpect(status().is3xxRedirection());
        mvc.perform(report(berlin, host, "50")).andExpect(status().is3xxRedirection());
        mvc.perform(report(other, owner, "7")).andExpect(status().is3xxRedirection());

        var page = anonymous("/c/" + campaign);
        assertThat(page.select(".turnout-total").text()).isEqualTo("157 people took part, by 3 reports.");
        assertThat(page.select(".turnout-by-country tbody tr").eachText())
                .containsExactly("France 107 2", "Germany 50 1");
        var yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        assertThat(page.select(".turnout-by-day tbody tr time").attr("datetime"))
                .isEqualTo(yesterday.toString());
        assertThat(page.select(".turnout-by-day tbody tr td").eachText()).containsExactly("157", "3");
        assertThat(page.select(".turnout-by-country caption").text()).isEqualTo("Reported turnout by country");
    }

    @Test
    void hosts_are_asked_for_a_report_once_across_two_runs_and_a_host_without_an_account_files_by_the_link()
            throws Exception {
        var action = ended("Asked", TurnoutFixtures.PARIS);
        var email = Fixtures.uniqueEmail("linkhost");
        var byLink = turnout.endedWithoutAccount(Actor.of(owner), campaign, Fixtures.unique("Asked by link"), email);
        // the host wrote their form in French: their letters are in French
        jdbc.sql("update action_hosts set language = 'fr' where action_id = :a")
                .param("a", byLink.value())
                .update();

        asking.askHosts();
        assertThat(asking.askHosts()).as("the second run sends nothing").isZero();

        for (var id : java.util.List.of(action.id(), byLink)) {
            assertThat(jdbc.sql("select count(*) from email_outbox where idempotency_key like :key")
                            .param("key", "%turnout.ask:" + id.value() + "%")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
        var letter = org.awaitility.Awaitility.await()
                .until(
                        () -> TestMail.to(host.email()).stream()
                                .filter(m -> ReceivedMail.text(m).contains("/actions/" + action.id() + "/report"))
                                .toList(),
                        letters -> !letters.isEmpty());
        assertThat(letter).hasSize(1);
        assertThat(letter.getFirst().getSubject()).startsWith("How did “Asked");

        var linkLetter = org.awaitility.Awaitility.await()
                .until(
                        () -> TestMail.to(email).stream()
                                .filter(m -> ReceivedMail.text(m).contains("/turnout/report/"))
                                .toList(),
                        letters -> !letters.isEmpty());
        assertThat(linkLetter.getFirst().getSubject()).startsWith("Comment s’est passé « Asked by link");
        var french = ReceivedMail.linkPath(linkLetter.getFirst(), "/turnout/report/");
        assertThat(french).endsWith("?lang=fr");
        var link = french.replace("?lang=fr", "?lang=en");
        var form = Html.parse(mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("h1").text()).startsWith("Turnout report: Asked by link");
        mvc.perform(multipart(link.replaceAll("\\?.*", ""))
                        .file(photo(TestImages.WEBP, "phone.webp", "image/webp"))
                        .param("participants", "33")
                        .param("caption", "From a phone")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var page = anonymous("/actions/" + byLink);
        assertThat(page.select(".turnout-count").text()).isEqualTo("33 participants");
        assertThat(page.select(".turnout-photos img").attr("alt")).isEqualTo("From a phone");
        var organizersView = Html.parse(
                mvc.perform(get("/actions/" + byLink).with(user(owner)).cookie(SESSION))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(organizersView.select(".turnout-report .meta").text())
                .contains("Filed by the host through the emailed link");
        mvc.perform(get("/turnout/report/not-a-link")).andExpect(status().isNotFound());
    }

    @Test
    void who_filed_a_report_and_uploaded_its_photos_is_forgotten_30_days_after_the_action_and_the_report_stays()
            throws Exception {
        var action = ended("Forgotten", TurnoutFixtures.PARIS);
        mvc.perform(report(action, host, "64").file(photo(TestImages.png(10, 10), "a.png", "image/png")))
                .andExpect(status().is3xxRedirection());
        var sealed = jdbc.sql("select filed_by from turnout_reports where action_id = :id")
                .param("id", action.id().value())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .as("sealed at rest")
                .doesNotContain(host.id().value().toString());
        assertThat(organizersView(action).select(".turnout-report .meta").text())
                .startsWith("Filed by " + host.displayName());

        clock.advance(java.time.Duration.ofDays(31));
        retention.forgetUploaders();

        assertThat(jdbc.sql("""
                        select count(*) from turnout_reports r join turnout_photos p on p.action_id = r.action_id
                        where r.action_id = :id and r.filed_by is null and p.uploaded_by is null""")
                        .param("id", action.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(organizersView(action).select(".turnout-report .meta").text())
                .startsWith("Who filed it is no longer kept");
        assertThat(anonymous("/actions/" + action.id()).select(".turnout-count").text())
                .isEqualTo("64 participants");
    }

    Document organizersView(Action action) throws Exception {
        return Html.parse(
                mvc.perform(get("/actions/" + action.id()).with(user(owner)).cookie(SESSION))
                        .andExpect(status().isOk())
                        .andReturn());
    }
}
