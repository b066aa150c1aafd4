package org.chorus;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ChorusApplication.class);

    @Test
    void modules_only_use_each_others_public_api_and_have_no_cycles() {
        MODULES.verify();
    }

    @Test
    void the_modules_are_the_ones_the_architecture_describes() {
        org.assertj.core.api.Assertions.assertThat(
                        MODULES.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder(
                        "shared",
                        "accounts",
                        "organizations",
                        "statements",
                        "imports",
                        "comments",
                        "site",
                        "demo",
                        "email",
                        "follows",
                        "audit",
                        "notifications",
                        "images",
                        "places",
                        "signons",
                        "campaigns",
                        "actions",
                        "rsvps",
                        "turnout",
                        "letters",
                        "federation",
                        "webhooks",
                        "osdi");
    }
}
