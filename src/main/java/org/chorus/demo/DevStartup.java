package org.chorus.demo;

import org.chorus.shared.config.ChorusProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In dev mode: seeds the demo data on first start, before the web server opens (so the first page already shows it),
 * then prints where Chorus runs and how to sign in.
 */
@Component
@Profile("dev & !admin")
class DevStartup implements SmartLifecycle {

    private final DemoData demoData;
    private final ChorusProperties properties;
    private volatile boolean running;
    private volatile boolean seeded;

    DevStartup(DemoData demoData, ChorusProperties properties) {
        this.demoData = demoData;
        this.properties = properties;
    }

    @Override
    public void start() {
        seeded = demoData.seedIfEmpty();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server, which starts in a later phase. */
    @Override
    public int getPhase() {
        return 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        var out = new StringBuilder("\n");
        out.append("  Chorus is running at ").append(properties.baseUrl()).append("\n");
        out.append(
                seeded
                        ? "  Demo data created.\n"
                        : "  Demo data already present (bin/chorus dev --reset starts clean).\n");
        out.append("  Demo logins (password: ").append(DemoData.PASSWORD).append("):\n");
        DemoData.LOGINS.forEach(l -> out.append(String.format("    %-24s %s%n", l.email(), l.what())));
        out.append("  newcomer@chorus.test has signed up and waits for the confirmation link.\n");
        out.append("  Mail (confirmations, password resets, invitations) stays on this machine: read it at ")
                .append(properties.link("/dev/mail"))
                .append("\n");
        System.out.println(out);
    }
}
