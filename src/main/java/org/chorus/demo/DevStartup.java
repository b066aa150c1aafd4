package org.chorus.demo;

import org.chorus.shared.config.ChorusProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In dev mode: seeds the demo data on first start, then prints where Chorus runs and how to sign in. */
@Component
@Profile("dev & !admin")
class DevStartup {

    private final DemoData demoData;
    private final ChorusProperties properties;

    DevStartup(DemoData demoData, ChorusProperties properties) {
        this.demoData = demoData;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        boolean seeded = demoData.seedIfEmpty();
        var out = new StringBuilder("\n");
        out.append("  Chorus is running at ").append(properties.baseUrl()).append("\n");
        out.append(
                seeded
                        ? "  Demo data created.\n"
                        : "  Demo data already present (bin/chorus dev --reset starts clean).\n");
        out.append("  Demo logins (password: ").append(DemoData.PASSWORD).append("):\n");
        DemoData.LOGINS.forEach(l -> out.append(String.format("    %-24s %s%n", l.email(), l.what())));
        out.append("  Mail links (password reset, invitations) are printed in this log.\n");
        System.out.println(out);
    }
}
