package org.chorus.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataNode;

/** Images made in the test, so every fixture says what it holds: plain pictures, and a photo that tells where it was taken. */
public final class TestImages {

    /** The place written into {@link #jpegWithGps()}'s EXIF, to look for in what Chorus serves. */
    public static final String PLACE = "Secret meeting place 48.8566N 2.3522E";

    /** A 1 × 1 lossless WebP (VP8L), the one browsers' feature tests use; phones send WebP photos. */
    public static final byte[] WEBP =
            java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestImages() {}

    public static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x1b6b5a));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG photo as a phone writes it: an EXIF segment (APP1) whose first directory describes the picture with
     * {@link #PLACE} and points to a GPS directory with the latitude and longitude.
     */
    public static byte[] jpegWithGps() {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        try {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var parameters = writer.getDefaultWriteParam();
            var metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), parameters);
            var format = "javax_imageio_jpeg_image_1.0";
            var root = (IIOMetadataNode) metadata.getAsTree(format);
            var exif = new IIOMetadataNode("unknown");
            exif.setAttribute("MarkerTag", String.valueOf(0xE1));
            exif.setUserObject(exif());
            var markers = (IIOMetadataNode)
                    root.getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(exif, markers.getFirstChild());
            metadata.setFromTree(format, root);
            var out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), parameters);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Exif\0\0", then a big-endian TIFF structure: IFD0 (description, GPS pointer) and a GPS IFD. */
    private static byte[] exif() {
        var description = (PLACE + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 2 * 12 + 4;
        int gps = ifd0 + ifd0Size;
        int gpsSize = 2 + 4 * 12 + 4;
        int latitude = gps + gpsSize;
        int longitude = latitude + 24;
        int text = longitude + 24;
        var tiff = ByteBuffer.allocate(text + description.length);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) 2);
        entry(tiff, 0x010E, 2, description.length, text); // ImageDescription
        entry(tiff, 0x8825, 4, 1, gps); // GPSInfo
        tiff.putInt(0);
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef
        entry(tiff, 0x0002, 5, 3, latitude); // GPSLatitude
        entry(tiff, 0x0003, 2, 2, 'E' << 24); // GPSLongitudeRef
        entry(tiff, 0x0004, 5, 3, longitude); // GPSLongitude
        tiff.putInt(0);
        for (int[] degrees : new int[][] {{48, 51, 2376}, {2, 21, 768}}) {
            tiff.putInt(degrees[0])
                    .putInt(1)
                    .putInt(degrees[1])
                    .putInt(1)
                    .putInt(degrees[2])
                    .putInt(100);
        }
        tiff.put(description);
        var header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(header.length + tiff.capacity())
                .put(header)
                .put(tiff.array())
                .array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** The PNG with its IHDR width and height rewritten (and the chunk's CRC fixed): a header that lies. */
    public static byte[] withSize(byte[] png, int width, int height) {
        var bytes = png.clone();
        var buffer = java.nio.ByteBuffer.wrap(bytes);
        buffer.putInt(16, width).putInt(20, height);
        var crc = new java.util.zip.CRC32();
        crc.update(bytes, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return bytes;
    }

    /** The PNG with a tEXt chunk inserted after IHDR. */
    public static byte[] withTextChunk(byte[] png, String keyword, String text) {
        var data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        var chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length)
                .put("tEXt".getBytes(StandardCharsets.ISO_8859_1))
                .put(data);
        var crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        var out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(chunk.array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}
