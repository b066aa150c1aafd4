package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.support.ChorusModuleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In authorized-fetch mode documents go only to requests signed by an actor of a server that is not blocked; and
 * Chorus signs its own requests for other servers' documents with the site's actor's key, so servers in that mode
 * answer it.
 */
@ChorusModuleTest
class AuthorizedFetchTest {

    @Autowired
    InboxChecks checks;

    @Autowired
    DomainBlocks blocks;

    @Autowired
    RemoteActors actors;

    @Autowired
    ActorKeys keys;

    @Autowired
    Clock clock;

    RemoteServer remote;

    @BeforeEach
    void a_server() throws Exception {
        remote = new RemoteServer("dora");
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    HttpSignatures.Request get(String path, boolean signed) {
        var target = URI.create("http://localhost" + path);
        var headers = new HashMap<String, String>();
        headers.put("Host", "localhost");
        if (signed) {
            headers.putAll(HttpSignatures.sign(
                    "GET",
                    target,
                    null,
                    null,
                    remote.actor("dora") + "#main-key",
                    remote.keys.get("dora").getPrivate(),
                    clock.instant()));
        }
        return new HttpSignatures.Request("GET", path, headers, null);
    }

    @Test
    void documents_go_only_to_signed_requests_of_unblocked_servers_when_the_mode_is_on() {
        var on = new AuthorizedFetch(true, checks, blocks);
        on.check(get("/o/climate-league", true));
        assertThatThrownBy(() -> on.check(get("/o/climate-league", false)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(401));

        blocks.block("127.0.0.1", (OrganizationId) null, DomainBlocks.Severity.BLOCK, "", clock.instant());
        try {
            assertThatThrownBy(() -> on.check(get("/o/climate-league", true)))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
        } finally {
            blocks.unblock("127.0.0.1", null);
        }

        new AuthorizedFetch(false, checks, blocks).check(get("/o/climate-league", false));
    }

    @Test
    void chorus_signs_its_requests_for_other_servers_documents_as_the_site() {
        actors.byKeyId(remote.actor("dora") + "#main-key", true);

        assertThat(remote.fetches).isNotEmpty();
        assertThat(remote.fetches.get(0).verifiesWith(keys.instance().publicKeyPem(), clock.instant()))
                .isTrue();
        assertThat(remote.fetches.get(0).headers().get("Signature"))
                .contains("keyId=\"http://localhost/actor#main-key\"");
    }
}
