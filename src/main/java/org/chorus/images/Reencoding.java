package org.chorus.images;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import org.chorus.shared.InvalidField;

/**
 * Turns uploaded bytes into a fresh image: the pixels are decoded and encoded again, so nothing the file carried
 * besides them survives (EXIF with the place a photo was taken, the camera's serial number, XMP, comments, colour
 * profiles, or anything hidden after the image data). The dimensions are read from the header before any pixel is
 * decoded, so a small file that claims a huge picture (a decompression bomb) is refused before it takes memory, and
 * at most two images are decoded at a time.
 */
final class Reencoding {

    static final int MAX_SIDE = 4000;
    /** The largest photo side read in, and its area: a 50-megapixel phone's, not a decompression bomb's. */
    static final int PHOTO_MAX_SIDE = 12_000;

    static final long PHOTO_MAX_PIXELS = 60_000_000L;
    // photos (turnout reports): what phones and cameras write; WebP through TwelveMonkeys' reader
    private static final Set<String> PHOTOS = Set.of("png", "jpeg", "webp");
    // JPEG, PNG and GIF are what ImageIO reads here; the JDK has no WebP reader, and BMP, WBMP and TIFF are left out
    // (nobody needs them on the web, and each reader is more code facing hostile files).
    private static final Set<String> READABLE = Set.of("png", "jpeg", "gif");
    private static final float JPEG_QUALITY = 0.88f;
    private static final Semaphore DECODING = new Semaphore(2);

    /** A re-encoded image. */
    record Result(ImageFormat format, byte[] bytes, int width, int height) {}

    static {
        // decode in memory: the bytes are in memory already, and no upload should reach the disk before it is clean
        ImageIO.setUseCache(false);
    }

    private Reencoding() {}

    static Result of(byte[] upload) {
        BufferedImage image;
        String source;
        try {
            DECODING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidField("file", "image.unreadable");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidField("file", webp(upload) ? "image.format-not-accepted" : "image.not-an-image");
            }
            ImageReader reader = readers.next();
            try {
                source = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (source.equals("jpg")) {
                    source = "jpeg";
                }
                if (!READABLE.contains(source)) {
                    throw new InvalidField("file", "image.format-not-accepted");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    throw new InvalidField("file", "image.too-many-pixels", MAX_SIDE, MAX_SIDE);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | OutOfMemoryError unreadable) {
            if (unreadable instanceof InvalidField invalid) {
                throw invalid;
            }
            throw new InvalidField("file", "image.unreadable");
        } finally {
            DECODING.release();
        }
        try {
            return source.equals("jpeg") && !image.getColorModel().hasAlpha() ? jpeg(image) : png(image);
        } catch (IOException | RuntimeException cannotWrite) {
            throw new InvalidField("file", "image.unreadable");
        }
    }

    /**
     * A photo: JPEG, PNG or WebP in, a JPEG at most {@code maxSide} on its long side out. A large picture is decoded
     * with subsampling (every n-th pixel), so a 50-megapixel photo never needs 200 MB of memory, then scaled smoothly.
     */
    static Reencode.Photo photo(byte[] upload, int maxSide, String field) {
        BufferedImage image;
        try {
            DECODING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidField(field, "image.photo.unreadable");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidField(field, "image.photo.format");
            }
            ImageReader reader = readers.next();
            try {
                var source = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!PHOTOS.contains(source.equals("jpg") ? "jpeg" : source)) {
                    throw new InvalidField(field, "image.photo.format");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1
                        || height < 1
                        || width > PHOTO_MAX_SIDE
                        || height > PHOTO_MAX_SIDE
                        || (long) width * height > PHOTO_MAX_PIXELS) {
                    throw new InvalidField(field, "image.photo.too-many-pixels", PHOTO_MAX_SIDE);
                }
                // a file cut short is decoded with a warning and grey where the rest was: refuse it instead
                reader.addIIOReadWarningListener((source1, warning) -> {
                    throw new InvalidField(field, "image.photo.unreadable");
                });
                var parameters = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
                parameters.setSourceSubsampling(step, step, 0, 0);
                image = reader.read(0, parameters);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | OutOfMemoryError unreadable) {
            if (unreadable instanceof InvalidField invalid) {
                throw invalid;
            }
            throw new InvalidField(field, "image.photo.unreadable");
        } finally {
            DECODING.release();
        }
        try {
            var jpeg = jpeg(scaled(image, maxSide));
            return new Reencode.Photo(jpeg.bytes(), jpeg.width(), jpeg.height());
        } catch (IOException | RuntimeException cannotWrite) {
            throw new InvalidField(field, "image.photo.unreadable");
        }
    }

    /** The picture at most {@code maxSide} on its long side, on white where it was transparent. */
    private static BufferedImage scaled(BufferedImage decoded, int maxSide) {
        int side = Math.max(decoded.getWidth(), decoded.getHeight());
        double ratio = side <= maxSide ? 1 : (double) maxSide / side;
        int width = Math.max(1, (int) Math.round(decoded.getWidth() * ratio));
        int height = Math.max(1, (int) Math.round(decoded.getHeight() * ratio));
        var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        var graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.drawImage(decoded, 0, 0, width, height, null);
        graphics.dispose();
        return image;
    }

    private static boolean webp(byte[] upload) {
        return upload.length >= 12
                && new String(upload, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(upload, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
    }

    private static Result png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer for this image");
        }
        return new Result(ImageFormat.PNG, out.toByteArray(), image.getWidth(), image.getHeight());
    }

    private static Result jpeg(BufferedImage decoded) throws IOException {
        var image = decoded;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            image = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var graphics = image.createGraphics();
            graphics.drawImage(decoded, 0, 0, null);
            graphics.dispose();
        }
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            // no metadata given: the writer adds its own plain JFIF header and nothing of the upload's
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return new Result(ImageFormat.JPEG, out.toByteArray(), image.getWidth(), image.getHeight());
    }
}
