package org.chorus.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.PermissionDenied;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ChorusModuleTest
class UploadingImagesTest {

    @Autowired
    UploadingImages uploading;

    @Autowired
    Fixtures fixtures;

    @Test
    void an_editor_uploads_a_photo_and_readers_get_it_without_its_exif() {
        var organization = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(organization, editor, Role.EDITOR);

        var image = uploading.upload(
                Actor.of(editor),
                organization.slug(),
                new ByteArrayInputStream(TestImages.jpegWithGps()),
                "  The crowd at the station ");

        assertThat(image.organization()).isEqualTo(organization.id());
        assertThat(image.path()).matches("/images/[0-9a-f-]{36}\\.jpg");
        assertThat(image.markdown()).isEqualTo("![The crowd at the station](" + image.path() + ")");
        var served = uploading.content(image.id().value(), "jpg").orElseThrow();
        assertThat(served.format().contentType()).isEqualTo("image/jpeg");
        assertThat(new String(served.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "Secret meeting");
        assertThat(uploading.content(image.id().value(), "png"))
                .as("one address per image")
                .isEmpty();
        assertThat(uploading.of(Actor.of(editor), organization.slug()))
                .extracting(UploadedImage::id)
                .contains(image.id());
    }

    @Test
    void members_moderators_and_people_of_other_organizations_cannot_upload() {
        var organization = fixtures.coalition();
        var member = fixtures.person("member");
        var moderator = fixtures.person("moderator");
        fixtures.grant(organization, member, Role.MEMBER);
        fixtures.grant(organization, moderator, Role.MODERATOR);
        var elsewhere = fixtures.person("elsewhere");
        fixtures.grant(fixtures.coalition(), elsewhere, Role.OWNER);

        for (var person : java.util.List.of(member, moderator, elsewhere)) {
            assertThatThrownBy(() -> uploading.upload(
                            Actor.of(person), organization.slug(), new ByteArrayInputStream(TestImages.png(4, 4)), ""))
                    .isInstanceOf(PermissionDenied.class);
        }
        assertThat(uploading
                        .upload(
                                fixtures.siteAdmin(),
                                organization.slug(),
                                new ByteArrayInputStream(TestImages.png(4, 4)),
                                "")
                        .format())
                .isEqualTo(ImageFormat.PNG);
    }

    @Test
    void an_upload_over_five_megabytes_is_refused_as_too_large_however_it_was_announced() {
        var organization = fixtures.coalition();
        var owner = owner(organization);
        var large = new byte[UploadingImages.MAX_BYTES + 1];

        assertThatThrownBy(() -> uploading.upload(owner, organization.slug(), new ByteArrayInputStream(large), ""))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.messageKey()).isEqualTo("image.too-large");
                });
    }

    @Test
    void an_empty_upload_and_a_text_file_are_refused_at_the_file_field() {
        var organization = fixtures.coalition();
        var owner = owner(organization);

        assertThatThrownBy(
                        () -> uploading.upload(owner, organization.slug(), new ByteArrayInputStream(new byte[0]), ""))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.messageKey()).isEqualTo("image.file.missing");
                });
        assertThatThrownBy(() -> uploading.upload(
                        owner,
                        organization.slug(),
                        new ByteArrayInputStream("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                        ""))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("image.not-an-image"));
    }

    @Test
    void an_organization_images_go_with_it() {
        var organization = fixtures.coalition();
        var owner = owner(organization);
        var image = uploading.upload(owner, organization.slug(), new ByteArrayInputStream(TestImages.png(4, 4)), "");
        var other = fixtures.coalition();
        var kept = uploading.upload(owner(other), other.slug(), new ByteArrayInputStream(TestImages.png(4, 4)), "");

        assertThat(uploading.deleteAllOf(organization.id())).isEqualTo(1);

        assertThat(uploading.content(image.id().value(), "png")).isEmpty();
        assertThat(uploading.content(kept.id().value(), "png")).isPresent();
    }

    private Actor owner(org.chorus.organizations.Organization organization) {
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        return Actor.of(owner);
    }
}
