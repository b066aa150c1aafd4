package org.chorus.letters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The links that open a letter in the supporter's own mail: a {@code mailto:} URI (RFC 6068: addresses separated by
 * commas, {@code subject} and {@code body} as UTF-8 percent-encoded, line breaks as {@code %0D%0A}) and the compose
 * pages of Gmail and Outlook on the web. They are links the supporter follows; Chorus loads nothing from those sites.
 */
public record ComposeLinks(String mailto, String gmail, String outlook) {

    public static ComposeLinks of(List<String> to, String subject, String body) {
        var addresses = to.stream().map(ComposeLinks::encode).collect(Collectors.joining(","));
        var crlf = body.replace("\r\n", "\n").replace("\n", "\r\n");
        return new ComposeLinks(
                "mailto:" + addresses + "?subject=" + encode(subject) + "&body=" + encode(crlf),
                "https://mail.google.com/mail/?view=cm&fs=1&to=" + addresses + "&su=" + encode(subject) + "&body="
                        + encode(body),
                "https://outlook.live.com/mail/0/deeplink/compose?to=" + addresses + "&subject=" + encode(subject)
                        + "&body=" + encode(body));
    }

    /**
     * Percent-encodes every byte of the UTF-8 text but RFC 3986's unreserved characters and {@code @}: safe in a
     * mailto's addresses and fields and in a query, whatever the text holds ({@code & = ? # %}, spaces, line breaks).
     */
    static String encode(String text) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
