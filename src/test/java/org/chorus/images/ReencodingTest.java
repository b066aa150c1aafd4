package org.chorus.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;

class ReencodingTest {

    @Test
    void a_photo_comes_back_without_the_place_it_was_taken() throws Exception {
        var photo = TestImages.jpegWithGps();
        assertThat(latin1(photo)).as("the fixture carries EXIF with GPS").contains("Exif", TestImages.PLACE);
        assertThat(hasApp1(photo)).isTrue();

        var clean = Reencoding.of(photo);

        assertThat(clean.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(latin1(clean.bytes())).doesNotContain("Exif", "Secret meeting place", "MM\0*");
        assertThat(hasApp1(clean.bytes())).as("no APP1 (EXIF or XMP) segment").isFalse();
        var decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
    }

    @Test
    void a_png_loses_its_text_chunks_and_stays_a_png() throws Exception {
        var png = TestImages.withTextChunk(TestImages.png(20, 10), "Comment", TestImages.PLACE);
        assertThat(latin1(png)).contains(TestImages.PLACE);

        var clean = Reencoding.of(png);

        assertThat(clean.format()).isEqualTo(ImageFormat.PNG);
        assertThat(latin1(clean.bytes())).doesNotContain(TestImages.PLACE, "tEXt");
        assertThat(clean.width()).isEqualTo(20);
        assertThat(clean.height()).isEqualTo(10);
    }

    @Test
    void a_gif_becomes_a_png() throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(TestImages.png(8, 8))), "gif", out);

        assertThat(Reencoding.of(out.toByteArray()).format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void a_picture_claiming_more_pixels_than_allowed_is_refused_before_it_is_decoded() {
        // 40,000 × 40,000 pixels would take 6 GB once decoded; the header is read, the pixels never are
        var bomb = TestImages.withSize(TestImages.png(1, 1), 40_000, 40_000);

        assertThatThrownBy(() -> Reencoding.of(bomb))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("image.too-many-pixels"));
        assertThatThrownBy(() -> Reencoding.of(TestImages.withSize(TestImages.png(1, 1), 4001, 10)))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("image.too-many-pixels"));
    }

    @Test
    void text_webp_and_broken_files_are_refused_with_a_reason() {
        assertThatThrownBy(() -> Reencoding.of("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("image.not-an-image"));
        var webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Reencoding.of(webp))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("image.format-not-accepted"));
        var png = TestImages.png(30, 30);
        var cut = java.util.Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> Reencoding.of(cut))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("image.unreadable"));
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean hasApp1(byte[] jpeg) {
        // walk the segments up to the image data
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xE1) {
                return true;
            }
            if (marker == 0xDA) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }
}
