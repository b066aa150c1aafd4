package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.chorus.organizations.Organization;
import org.chorus.shared.cli.AdminCli;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An operator blocks a server for the whole site from the command line: its activities are refused before its key is
 * even fetched, until the block is lifted; the commands say what they did, and refuse what makes no sense with exit
 * status 1 and the reason.
 */
@ChorusWebTest
class FederationCommandsTest {

    @Autowired
    List<AdminCommand> commands;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    ByteArrayOutputStream out;
    ByteArrayOutputStream err;
    AdminCli cli;
    Organization league;
    RemoteServer remote;

    @BeforeEach
    void a_terminal_a_league_and_a_server() throws Exception {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        cli = new AdminCli(
                commands,
                messages,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        league = fixtures.coalition();
        remote = new RemoteServer("carol");
    }

    @AfterEach
    void lift_and_stop() {
        cli.run(List.of("federation", "unblock", "--domain", "127.0.0.1"));
        remote.close();
    }

    ResultActions follow(String id) throws Exception {
        return mvc.perform(remote.post(
                "carol",
                "/inbox",
                """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "id": "%s/follows/%s",
                         "actor": "%s", "object": "http://localhost/o/%s"}""".formatted(remote.origin, id, remote.actor("carol"), league.slug()),
                clock.instant()));
    }

    @Test
    void a_server_blocked_for_the_site_is_refused_before_its_key_is_fetched_until_the_block_is_lifted()
            throws Exception {
        assertThat(cli.run(List.of("federation", "block", "--domain", "127.0.0.1", "--reason", "a test")))
                .isZero();
        assertThat(out.toString()).contains("Blocked 127.0.0.1");
        follow("1")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("federation.blocked"));
        assertThat(remote.fetched).as("its key never fetched").doesNotContainKey("carol");

        assertThat(cli.run(List.of("federation", "blocks"))).isZero();
        assertThat(out.toString()).contains("127.0.0.1  block").contains("a test");
        assertThat(cli.run(List.of("federation", "status"))).isZero();
        assertThat(out.toString()).containsPattern("[1-9][0-9]* domain\\(s\\) blocked or silenced");

        assertThat(cli.run(List.of("federation", "unblock", "--domain", "127.0.0.1")))
                .isZero();
        follow("2").andExpect(status().isAccepted());

        assertThat(cli.run(List.of("federation", "unblock", "--domain", "127.0.0.1")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("127.0.0.1 is not blocked");
        assertThat(cli.run(List.of("federation", "block", "--domain", "not a domain")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("is not a server’s domain name");
        assertThat(cli.run(List.of("federation", "block"))).isEqualTo(AdminCommand.USAGE);
        assertThat(cli.run(List.of("federation", "retry"))).isZero();
        assertThat(out.toString()).contains("failed delivery(ies) again");
    }
}
