package org.chorus.shared.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.ApiTokens;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** {@code bin/chorus admin …} as the operator types it, against the real database. */
@ChorusWebTest
class AdminCliTest {

    @Autowired
    List<AdminCommand> commands;

    @Autowired
    MessageSource messages;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    ApiTokens tokens;

    ByteArrayOutputStream out;
    ByteArrayOutputStream err;
    AdminCli cli;

    @BeforeEach
    void cli() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        cli = new AdminCli(
                commands,
                messages,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void an_operator_creates_a_site_admin_and_an_api_token_for_them() {
        var email = Fixtures.uniqueEmail("operator");
        assertThat(cli.run(List.of(
                        "user",
                        "create",
                        "--email",
                        email,
                        "--name",
                        "Op Erator",
                        "--password",
                        Fixtures.PASSWORD,
                        "--admin")))
                .isZero();
        assertThat(out.toString()).contains("Created site admin " + email);

        assertThat(cli.run(List.of("token", "create", "--email", email))).isZero();
        var token = out.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(token).startsWith("chorus_");
        assertThat(tokens.authenticate(token))
                .hasValueSatisfying(u -> assertThat(u.siteAdmin()).isTrue());
    }

    @Test
    void an_operator_chooses_how_many_days_a_token_works() {
        var email = Fixtures.uniqueEmail("days");
        cli.run(List.of("user", "create", "--email", email, "--name", "D", "--password", Fixtures.PASSWORD));
        assertThat(cli.run(List.of("token", "create", "--email", email, "--label", "ci", "--days", "7")))
                .isZero();
        var account = accounts.findByEmail(email).orElseThrow().id();
        assertThat(tokens.of(account))
                .singleElement()
                .satisfies(t -> assertThat(t.expiresAt())
                        .isBetween(
                                Instant.now().plus(Duration.ofDays(6)),
                                Instant.now().plus(Duration.ofDays(8))));
        assertThat(cli.run(List.of("token", "create", "--email", email, "--days", "400")))
                .as("at most a year")
                .isEqualTo(1);
        assertThat(cli.run(List.of("token", "create", "--email", email, "--days", "soon")))
                .isEqualTo(2);
    }

    @Test
    void a_reset_link_is_printed_for_an_existing_account() {
        var email = Fixtures.uniqueEmail("forgetful");
        cli.run(List.of("user", "create", "--email", email, "--name", "F", "--password", Fixtures.PASSWORD));
        assertThat(cli.run(List.of("user", "reset-password", "--email", email))).isZero();
        assertThat(out.toString()).contains("/password/reset/");
    }

    @Test
    void bad_usage_exits_2_with_the_usage_line() {
        assertThat(cli.run(List.of("user", "create", "--email"))).isEqualTo(2);
        assertThat(err.toString()).contains("--email needs a value").contains("usage: chorus admin user create");
        assertThat(cli.run(List.of("frobnicate"))).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown admin command: frobnicate");
        assertThat(cli.run(List.of())).isEqualTo(2);
    }

    @Test
    void a_refused_command_exits_1_and_says_why_in_plain_words() {
        var email = Fixtures.uniqueEmail("dup");
        cli.run(List.of("user", "create", "--email", email, "--name", "A", "--password", Fixtures.PASSWORD));
        assertThat(cli.run(List.of("user", "create", "--email", email, "--name", "B", "--password", Fixtures.PASSWORD)))
                .isEqualTo(1);
        assertThat(err.toString()).contains("An account with this email address already exists");
        assertThat(cli.run(List.of("token", "create", "--email", "nobody@example.org")))
                .isEqualTo(1);
        assertThat(cli.run(List.of(
                        "user",
                        "create",
                        "--email",
                        Fixtures.uniqueEmail("weak"),
                        "--name",
                        "W",
                        "--password",
                        "short")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("at least 10 characters");
        assertThat(cli.run(List.of(
                        "user",
                        "create",
                        "--email",
                        Fixtures.uniqueEmail("common"),
                        "--name",
                        "C",
                        "--password",
                        "Password123")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("one of the most common ones");
    }

    @Test
    void help_lists_every_command() {
        assertThat(cli.run(List.of("--help"))).isZero();
        assertThat(out.toString()).contains("user create", "user reset-password", "token create");
    }
}
