package org.chorus.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class ImagesPagesTest {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Organization organization;
    ChorusUser editor;

    @BeforeEach
    void an_organization_and_its_editor() {
        organization = fixtures.coalition();
        editor = fixtures.person("editor");
        fixtures.grant(organization, editor, Role.EDITOR);
    }

    @Test
    void an_editor_uploads_a_photo_gets_the_markdown_to_paste_and_anyone_gets_the_photo_without_its_exif()
            throws Exception {
        var uploaded = mvc.perform(multipart("/o/" + organization.slug() + "/manage/images")
                        .file(new MockMultipartFile("file", "march.jpg", "image/jpeg", TestImages.jpegWithGps()))
                        .param("description", "The march")
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        var page = Html.parse(mvc.perform(get(uploaded).with(user(editor)))
                .andExpect(status().isOk())
                .andReturn());
        var snippet = page.select("input#snippet").attr("value");
        assertThat(snippet).matches("!\\[The march]\\(/images/[0-9a-f-]{36}\\.jpg\\)");
        var path = snippet.substring(snippet.indexOf('(') + 1, snippet.length() - 1);
        assertThat(page.select(".uploaded-image img").attr("src")).isEqualTo(path);

        var image = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(image, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TestImages.PLACE);
        mvc.perform(get(path.replace(".jpg", ".png"))).andExpect(status().isNotFound());
        mvc.perform(get("/images/00000000-0000-0000-0000-000000000000.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/images/not-an-id.jpg")).andExpect(status().isNotFound());
    }

    @Test
    void an_upload_over_five_megabytes_is_refused_with_413_in_the_writer_language() throws Exception {
        var large = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.png(2, 2), 0, large, 0, TestImages.png(2, 2).length);

        mvc.perform(multipart("/o/" + organization.slug() + "/manage/images")
                        .file(new MockMultipartFile("file", "big.png", "image/png", large))
                        .header("Accept-Language", "fr")
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(Html.has("#image-file-error:contains(Ce fichier dépasse 5 Mo)"));
    }

    @Test
    void an_upload_over_the_limit_gets_413_with_the_reason_in_the_writer_language_over_real_http() throws Exception {
        try (var browser = new SignedInClient(port, editor.email())) {
            var form = "/o/" + organization.slug() + "/manage/images";
            var csrf = browser.csrf(form);

            var overOurs = browser.upload(form, csrf, 6 * 1024 * 1024, "fr");
            assertThat(overOurs.statusCode()).isEqualTo(413);
            assertThat(overOurs.body()).contains("Ce fichier dépasse 5 Mo");

            // over what the container takes for any upload (50 MB): refused before any filter reads the form, in the
            // language the person chose above (remembered in its cookie)
            var overAll = browser.upload(form, csrf, 60 * 1024 * 1024, "es");
            assertThat(overAll.statusCode()).isEqualTo(413);
            assertThat(overAll.body()).contains("Choisissez un fichier plus petit");

            var cutShort = browser.send(form, "multipart/form-data; boundary=nothing-follows", "--nothing-follows\r\n");
            assertThat(cutShort.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void a_file_that_is_not_a_picture_is_refused_with_422_in_the_writer_language() throws Exception {
        mvc.perform(multipart("/o/" + organization.slug() + "/manage/images")
                        .file(new MockMultipartFile(
                                "file",
                                "photo.png",
                                "image/png",
                                "%PDF-1.7 not a picture".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "es")
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#image-file-error:contains(Este archivo no es una imagen que Chorus pueda leer)"));
        mvc.perform(multipart("/o/" + organization.slug() + "/manage/images")
                        .header("Accept-Language", "ar")
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#image-file-error:contains(اختر صورة لرفعها)"));
    }

    @Test
    void the_editors_of_statements_and_announcements_offer_the_upload_form() throws Exception {
        var form = "form[action='/o/" + organization.slug()
                + "/manage/images'][enctype='multipart/form-data'] input[type=file]";
        mvc.perform(get("/o/" + organization.slug() + "/statements/new").with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(Html.has(form));
        mvc.perform(get("/o/" + organization.slug() + "/manage/announcements").with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(Html.has(form))
                .andExpect(content().string(containsString("upload")));
    }
}
