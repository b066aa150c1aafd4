package org.chorus.accounts.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code drawn as inline SVG (ZXing computes the modules), so the setup page needs no image from anywhere. */
final class QrCode {

    private QrCode() {}

    /** An SVG element for {@code text}; {@code label} is its accessible name. Every value is ours, none typed. */
    static String svg(String text, String label) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            var path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\" aria-label=\""
                    + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                    + "\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                    + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
                    + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("could not draw the QR code", e);
        }
    }
}
