package org.chorus.shared.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses Chorus may reach when a request's target comes from outside (a remote actor's inbox, a webhook's
 * URL): only public unicast ones. Refused, in IPv4 and IPv6, are the unspecified address ({@code 0.0.0.0}, {@code
 * ::}), "this network" ({@code 0.0.0.0/8}), loopback, private networks ({@code 10/8}, {@code 172.16/12}, {@code
 * 192.168/16}, {@code fc00::/7}), shared address space ({@code 100.64/10}), link-local ({@code 169.254/16}, {@code
 * fe80::/10}, where cloud metadata services answer), site-local ({@code fec0::/10}), multicast, broadcast, the IETF,
 * documentation and benchmarking ranges, and the reserved {@code 240/4}; an IPv6 address that carries an IPv4 one
 * (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code
 * 2002::/16}) is judged by the IPv4 address it carries, and Teredo ({@code 2001::/32}), which tunnels to an address
 * nobody can check, is refused. Operators may allow networks of their own ({@link Network}, e.g. a test's loopback).
 */
public final class PublicAddresses {

    private static final List<Network> REFUSED_V4 = Network.all(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4");

    private static final List<Network> REFUSED_V6 = Network.all(
            "::/128",
            "::1/128",
            "100::/64",
            "2001::/32",
            "2001:db8::/32",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8");

    private static final List<Network> CARRYING_V4 = Network.all("::ffff:0:0/96", "::/96", "64:ff9b::/96");

    private final List<Network> allowed;

    /** Public addresses only, plus those in {@code allowed} (none in production). */
    public PublicAddresses(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Whether the address is in a network the operator allowed (where plain http may go). */
    public boolean inAllowedNetwork(InetAddress address) {
        return allowed.stream().anyMatch(n -> n.contains(address));
    }

    /** Why the address may not be reached (e.g. "private network 10.0.0.0/8"); empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (inAllowedNetwork(address)) {
            return Optional.empty();
        }
        var carried = carriedIpv4(address);
        if (carried != null) {
            return refusal(carried).map(why -> why + ", carried in " + address.getHostAddress());
        }
        var refused = address instanceof Inet4Address ? REFUSED_V4 : REFUSED_V6;
        return refused.stream()
                .filter(n -> n.contains(address))
                .findFirst()
                .map(n -> "not a public address (" + n + ")");
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), or null. */
    private static InetAddress carriedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        var bytes = address.getAddress();
        byte[] v4 = null;
        if (CARRYING_V4.stream().anyMatch(n -> n.contains(address)) && !isUnspecifiedOrLoopback(bytes)) {
            v4 = java.util.Arrays.copyOfRange(bytes, 12, 16);
        } else if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            v4 = java.util.Arrays.copyOfRange(bytes, 2, 6);
        }
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ::} and {@code ::1} are in {@code ::/96} but are judged as themselves. */
    private static boolean isUnspecifiedOrLoopback(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    /** A network in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}). */
    public record Network(byte[] prefix, int bits) {

        /** Reads {@code address/bits}; an address alone is the network of that one address. */
        public static Network of(String cidr) {
            var slash = cidr.indexOf('/');
            var address = slash < 0 ? cidr.strip() : cidr.substring(0, slash).strip();
            // an IPv4 literal, or an IPv6 one (a host name has no colon): nothing is ever looked up
            if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException("not a network in CIDR notation: " + cidr);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a network in CIDR notation: " + cidr, e);
            }
            if (address.contains(":") && bytes.length == 4) {
                // Java reads ::ffff:a.b.c.d as the IPv4 address; the network is the IPv6 one
                var mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            int bits;
            try {
                bits = slash < 0
                        ? bytes.length * 8
                        : Integer.parseInt(cidr.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a network in CIDR notation: " + cidr, e);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("not a network in CIDR notation: " + cidr);
            }
            return new Network(bytes, bits);
        }

        static List<Network> all(String... cidrs) {
            return java.util.Arrays.stream(cidrs).map(Network::of).toList();
        }

        public boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            if (bytes.length == 4 && prefix.length == 16 && isMappedPrefix()) {
                // an IPv4 address as Java gives it for ::ffff:a.b.c.d
                var mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            if (bytes.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (prefix[full] & mask);
        }

        private boolean isMappedPrefix() {
            return bits >= 96 && prefix[10] == (byte) 0xff && prefix[11] == (byte) 0xff;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Network n && n.bits == bits && java.util.Arrays.equals(n.prefix, prefix);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(prefix) + bits;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
