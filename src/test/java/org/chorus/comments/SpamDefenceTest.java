package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.chorus.accounts.AccountId;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;

/** The spam defences that need no Spring: rate limits, signed form stamps, network prefixes, the link limit. */
class SpamDefenceTest {

    final CommentRateLimits limits = new CommentRateLimits(new CommentLimits(5, 20, 600));

    @Test
    void a_person_posts_five_comments_in_ten_minutes_and_the_sixth_waits() {
        var person = AccountId.random();
        for (int i = 0; i < 5; i++) {
            limits.take(person, NetworkPrefix.hash("198.51.100." + i));
        }
        assertThatThrownBy(() -> limits.take(person, NetworkPrefix.hash("203.0.113.1")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.messageKey()).isEqualTo("comment.rate-limited");
                    assertThat((Long) e.arguments()[0]).isBetween(1L, 600L);
                });
        // someone else is not held back by it
        limits.take(AccountId.random(), NetworkPrefix.hash("198.51.100.1"));
    }

    @Test
    void one_network_prefix_posts_twenty_comments_in_ten_minutes_whoever_sends_them() {
        for (int i = 0; i < 20; i++) {
            // every address of the same /24 counts against the same allowance
            limits.take(AccountId.random(), NetworkPrefix.hash("192.0.2." + (i + 1)));
        }
        assertThatThrownBy(() -> limits.take(AccountId.random(), NetworkPrefix.hash("192.0.2.200")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(429));
        limits.take(AccountId.random(), NetworkPrefix.hash("192.0.3.1"));
    }

    @Test
    void a_guest_address_posts_five_comments_in_ten_minutes_from_anywhere_and_the_sixth_waits() {
        var address = "0a1b2c";
        for (int i = 0; i < 5; i++) {
            limits.takeGuest(address, NetworkPrefix.hash("198.18." + i + ".1"));
        }
        assertThatThrownBy(() -> limits.takeGuest(address, NetworkPrefix.hash("198.18.99.1")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(429));
        limits.takeGuest("ffeedd", NetworkPrefix.hash("198.18.99.1"));
    }

    @Test
    void a_guest_gives_a_name_and_a_real_looking_address() {
        assertThat(CommentingAsGuest.checkedName("  Ada\tLovelace ")).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> CommentingAsGuest.checkedName(" "))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> CommentingAsGuest.checkedName("x".repeat(101)))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.guest.name.too-long"));
        assertThat(CommentingAsGuest.checkedEmail(" ada@example.org ")).isEqualTo("ada@example.org");
        for (var bad : new String[] {"", "ada", "ada@example.org\r\nBcc: x@example.org", "a@b.example, c@d.example"}) {
            assertThatThrownBy(() -> CommentingAsGuest.checkedEmail(bad))
                    .isInstanceOfSatisfying(
                            InvalidField.class, e -> assertThat(e.field()).isEqualTo("email"));
        }
    }

    @Test
    void network_prefixes_are_ipv4_slash_24_and_ipv6_slash_48_and_only_their_hash_is_kept() {
        assertThat(NetworkPrefix.prefix("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(NetworkPrefix.prefix("2001:db8:abcd:12:1::5")).isEqualTo("2001:db8:abcd:0:0:0:0:0/48");
        assertThat(NetworkPrefix.hash("2001:db8:abcd:12:1::5")).isEqualTo(NetworkPrefix.hash("2001:db8:abcd:99::1"));
        assertThat(NetworkPrefix.hash("203.0.113.77"))
                .matches("[0-9a-f]{64}")
                .isEqualTo(NetworkPrefix.hash("203.0.113.1"))
                .isNotEqualTo(NetworkPrefix.hash("203.0.114.1"));
        assertThat(NetworkPrefix.prefix("not-an-address.example")).isEqualTo("unknown");
    }

    @Test
    void a_form_sent_faster_than_three_seconds_or_with_a_forged_stamp_is_refused() {
        var clock = new TestClock();
        var stamps = new FormStamps(clock);
        var stamp = stamps.issue();
        assertThatThrownBy(() -> stamps.check(stamp))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.too-fast"));
        clock.advance(Duration.ofSeconds(3));
        stamps.check(stamp);
        var millis = stamp.substring(0, stamp.indexOf('.'));
        var forged = (Long.parseLong(millis) - 60_000) + stamp.substring(stamp.indexOf('.'));
        var otherId = stamp.replaceFirst("\\.[0-9a-f]{32}\\.", ".00000000000000000000000000000000.");
        assertThat(otherId).isNotEqualTo(stamp);
        for (var bad : new String[] {forged, otherId, null, "", "12345", "abc.def", "1.2.3", ".."}) {
            assertThatThrownBy(() -> stamps.check(bad))
                    .isInstanceOfSatisfying(
                            InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.form-invalid"));
        }
        // another process (another key) cannot have signed it
        assertThatThrownBy(() -> new FormStamps(clock).check(stamp)).isInstanceOf(InvalidField.class);
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> stamps.check(stamp))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.form-expired"));
    }

    @Test
    void a_comment_is_plain_text_of_at_most_5000_characters_and_two_links() {
        assertThat(Commenting.checkedBody("  Two links: https://example.org and www.example.net \r\n ok "))
                .isEqualTo("Two links: https://example.org and www.example.net \n ok");
        assertThatThrownBy(() -> Commenting.checkedBody("http://a.example https://www.b.example www.c.example"))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("comment.too-many-links");
                    assertThat(e.field()).isEqualTo("body");
                });
        assertThatThrownBy(() -> Commenting.checkedBody("   "))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.body.required"));
        assertThat(Commenting.checkedBody("x".repeat(5000))).hasSize(5000);
        assertThatThrownBy(() -> Commenting.checkedBody("x".repeat(5001)))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.body.too-long"));
    }
}
