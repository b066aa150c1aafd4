package org.chorus.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;

class ReencodePhotoTest {

    @Test
    void a_phone_photo_loses_its_exif_and_gps_and_stays_a_jpeg() throws Exception {
        var clean = Reencode.photo(TestImages.jpegWithGps(), 2048, "photos");

        assertThat(latin1(clean.jpeg())).doesNotContain("Exif", TestImages.PLACE, "MM\0*", "GPS");
        assertThat(ImageIO.getImageReaders(ImageIO.createImageInputStream(new ByteArrayInputStream(clean.jpeg())))
                        .next()
                        .getFormatName())
                .isEqualToIgnoringCase("jpeg");
        assertThat(clean.width()).isEqualTo(64);
        assertThat(clean.height()).isEqualTo(48);
    }

    @Test
    void a_png_with_text_chunks_becomes_a_jpeg_without_them() throws Exception {
        var png = TestImages.withTextChunk(TestImages.png(40, 20), "Comment", TestImages.PLACE);

        var clean = Reencode.photo(png, 2048, "photos");

        assertThat(latin1(clean.jpeg()))
                .doesNotContain(TestImages.PLACE, "tEXt")
                .startsWith("\u00ff\u00d8");
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.jpeg())).getWidth())
                .isEqualTo(40);
    }

    @Test
    void a_webp_photo_becomes_a_jpeg() throws Exception {
        var clean = Reencode.photo(TestImages.WEBP, 2048, "photos");

        assertThat(latin1(clean.jpeg())).startsWith("\u00ff\u00d8").doesNotContain("WEBP");
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.jpeg())).getWidth())
                .isEqualTo(1);
    }

    @Test
    void a_large_photo_is_scaled_to_its_long_side() throws Exception {
        var clean = Reencode.photo(TestImages.png(3000, 1000), 2048, "photos");

        assertThat(clean.width()).isEqualTo(2048);
        assertThat(clean.height()).isEqualTo(683);
        var decoded = ImageIO.read(new ByteArrayInputStream(clean.jpeg()));
        assertThat(decoded.getWidth()).isEqualTo(2048);
        assertThat(decoded.getHeight()).isEqualTo(683);
    }

    @Test
    void a_picture_claiming_30000_pixels_a_side_is_refused_before_it_is_decoded() {
        var bomb = TestImages.withSize(TestImages.png(1, 1), 30_000, 30_000);

        assertRefused(bomb, "image.photo.too-many-pixels");
    }

    @Test
    void svg_html_gif_and_broken_files_are_refused_with_a_reason() throws Exception {
        assertRefused(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "image.photo.format");
        assertRefused("<!doctype html><p>hello".getBytes(StandardCharsets.UTF_8), "image.photo.format");
        var gif = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(TestImages.png(8, 8))), "gif", gif);
        assertRefused(gif.toByteArray(), "image.photo.format");
        var jpeg = TestImages.jpegWithGps();
        assertRefused(Arrays.copyOf(jpeg, jpeg.length - 200), "image.photo.unreadable");
        var png = TestImages.png(30, 30);
        assertRefused(Arrays.copyOf(png, png.length / 2), "image.photo.unreadable");
    }

    private static void assertRefused(byte[] upload, String key) {
        assertThatThrownBy(() -> Reencode.photo(upload, 2048, "photos"))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).isEqualTo("photos");
                });
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
