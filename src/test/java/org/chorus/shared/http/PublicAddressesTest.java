package org.chorus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chorus reaches public unicast addresses only, in IPv4 and IPv6, whatever form an address takes. */
class PublicAddressesTest {

    private final PublicAddresses publicOnly = new PublicAddresses(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                "10.1.2.3",
                "100.64.0.1",
                "127.0.0.1",
                "127.255.255.254",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.8",
                "192.0.2.1",
                "192.88.99.1",
                "192.168.1.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a00:1",
                "64:ff9b::7f00:1",
                "2002:7f00:1::",
                "2002:a9fe:a9fe::1",
                "2001::1",
                "2001:db8::1",
                "100::1",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "fec0::1",
                "ff02::1"
            })
    void addresses_that_are_not_public_are_refused(String literal) throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName(literal))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "9.255.255.255",
                "11.0.0.0",
                "100.128.0.1",
                "172.32.0.1",
                "192.169.0.1",
                "223.255.255.254",
                "2606:4700:4700::1111",
                "2a00:1450:4007:80b::200e",
                "64:ff9b::808:808",
                "2002:808:808::1",
                "::ffff:8.8.8.8"
            })
    void public_addresses_are_reached(String literal) throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName(literal))).isEmpty();
    }

    @Test
    void a_refusal_says_why_and_names_the_address_an_ipv6_one_carries() throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName("169.254.169.254")))
                .hasValue("not a public address (169.254.0.0/16)");
        assertThat(publicOnly.refusal(InetAddress.getByName("64:ff9b::a00:1")))
                .hasValueSatisfying(why -> assertThat(why).contains("10.0.0.0/8", "carried in 64:ff9b"));
    }

    @Test
    void a_network_the_operator_allowed_is_reached_and_nothing_beside_it() throws Exception {
        var loopback = new PublicAddresses(List.of(PublicAddresses.Network.of("127.0.0.0/8")));

        assertThat(loopback.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(loopback.refusal(InetAddress.getByName("::ffff:127.0.0.1"))).isEmpty();
        assertThat(loopback.refusal(InetAddress.getByName("::1"))).isPresent();
        assertThat(loopback.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
    }

    @Test
    void networks_are_read_in_cidr_notation_and_anything_else_is_refused() {
        assertThat(PublicAddresses.Network.of("10.0.0.0/8").toString()).isEqualTo("10.0.0.0/8");
        assertThat(PublicAddresses.Network.of("fd00::/8").toString()).isEqualTo("fd00:0:0:0:0:0:0:0/8");
        assertThat(PublicAddresses.Network.of("192.0.2.7")).isEqualTo(PublicAddresses.Network.of("192.0.2.7/32"));
        for (var wrong : List.of(
                "localhost/8", "10.0.0.0/33", "10.0.0.0/x", "", "example.org", "dead.beef", "1.2.3", "::1/129")) {
            assertThatThrownBy(() -> PublicAddresses.Network.of(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CIDR");
        }
    }
}
