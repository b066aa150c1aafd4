package org.chorus.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every browser journey shares: one Chromium per test class, pointed at the running Chorus. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start_chromium() {
        browser = new Browser();
    }

    @AfterAll
    void stop_chromium() {
        browser.close();
    }

    String base() {
        return "http://localhost:" + port;
    }
}
