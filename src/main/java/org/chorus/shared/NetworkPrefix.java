package org.chorus.shared;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The network a request came from (comments, sign-in and reset limits), as an HMAC-SHA256 of its prefix (IPv4 /24, IPv6 /48): enough to limit a flood
 * from one place, never the address of a person. The key is made at start-up and never stored, so a copy of the
 * database cannot be turned back into networks by trying all 16 million /24 prefixes, and values do not link
 * anything across restarts.
 */
public final class NetworkPrefix {

    private static final byte[] KEY = SecretToken.generate().value().getBytes(StandardCharsets.US_ASCII);

    private NetworkPrefix() {}

    public static String hash(String address) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(prefix(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String prefix(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%]+")) {
            return "unknown";
        }
        try {
            // a literal address: no name lookup happens
            var ip = InetAddress.getByName(address.strip());
            var bytes = ip.getAddress();
            if (ip instanceof Inet4Address) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            var prefix = Arrays.copyOf(bytes, 16);
            Arrays.fill(prefix, 6, 16, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/48";
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
