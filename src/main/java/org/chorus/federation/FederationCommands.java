package org.chorus.federation;

import java.io.PrintStream;
import org.chorus.shared.cli.AdminArguments;
import org.chorus.shared.cli.AdminCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code chorus admin federation …}: what the admin page shows and does, for operators at a terminal: the status, the
 * site's domain blocks, blocking and lifting a block, queuing failed deliveries again.
 */
@Configuration
class FederationCommands {

    private static AdminCommand command(String name, String usage, Command run) {
        return new AdminCommand() {
            public String name() {
                return name;
            }

            public String usage() {
                return usage;
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                return run.run(args, out);
            }
        };
    }

    private interface Command {
        int run(AdminArguments args, PrintStream out);
    }

    @Bean
    AdminCommand federationStatus(AdministeringFederation federation) {
        return command("federation status", "federation status", (args, out) -> {
            var status = federation.status();
            out.println("Deliveries: " + status.deliveries().waiting() + " waiting, "
                    + status.deliveries().delivered() + " delivered, "
                    + status.deliveries().failed()
                    + " failed (the last 30 days)");
            status.organizations()
                    .forEach(o -> out.println("  " + o.slug() + "  " + o.followers() + " followers"
                            + (o.waiting() > 0 ? ", " + o.waiting() + " waiting for approval" : "")));
            status.failures()
                    .forEach(f -> out.println("  failed " + f.finishedAt() + "  " + f.target() + "  " + f.lastError()));
            out.println(status.blocks().size() + " domain(s) blocked or silenced");
            return 0;
        });
    }

    @Bean
    AdminCommand federationBlocks(AdministeringFederation federation) {
        return command("federation blocks", "federation blocks", (args, out) -> {
            var blocks = federation.blocks();
            if (blocks.isEmpty()) {
                out.println("No domain is blocked or silenced.");
            }
            blocks.forEach(b -> out.println(b.domain() + "  " + b.severity() + "  " + b.since()
                    + (b.reason().isBlank() ? "" : "  " + b.reason())));
            return 0;
        });
    }

    @Bean
    AdminCommand federationBlock(AdministeringFederation federation) {
        return command(
                "federation block",
                "federation block --domain DOMAIN [--silence] [--reason TEXT]   (a domain covers its subdomains)",
                (args, out) -> {
                    var domain = args.required("domain");
                    var silence = args.flag("silence");
                    int removed = federation.block(
                            domain, silence, args.option("reason").orElse(""));
                    out.println((silence ? "Silenced " : "Blocked ")
                            + DomainBlocks.domain(domain)
                            + (silence ? "." : "; " + removed + " follow(s) from it removed."));
                    return 0;
                });
    }

    @Bean
    AdminCommand federationUnblock(AdministeringFederation federation) {
        return command("federation unblock", "federation unblock --domain DOMAIN", (args, out) -> {
            federation.unblock(args.required("domain"));
            out.println("Lifted the block of " + DomainBlocks.domain(args.required("domain")) + ".");
            return 0;
        });
    }

    @Bean
    AdminCommand federationRetry(AdministeringFederation federation) {
        return command(
                "federation retry",
                "federation retry [--domain DOMAIN]   (queues failed deliveries again, to one server or all)",
                (args, out) -> {
                    int queued = federation.retry(args.option("domain").orElse(null));
                    out.println("Queued " + queued + " failed delivery(ies) again.");
                    return 0;
                });
    }
}
