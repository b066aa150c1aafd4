package org.chorus.comments;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.chorus.shared.SecretToken;

/**
 * The network a comment came from, as the SHA-256 hex of its prefix (IPv4 /24, IPv6 /48): enough to limit a flood
 * from one place, never the address of a person.
 */
final class NetworkPrefix {

    private NetworkPrefix() {}

    static String hash(String address) {
        return SecretToken.hash(prefix(address));
    }

    static String prefix(String address) {
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
