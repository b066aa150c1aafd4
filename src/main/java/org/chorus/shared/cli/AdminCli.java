package org.chorus.shared.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chorus.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Runs {@code chorus admin <command> [options]} against the configured database and exits. */
@Component
@Profile("admin")
public class AdminCli implements ApplicationRunner, ExitCodeGenerator {

    private final List<AdminCommand> commands;
    private final PrintStream out;
    private final PrintStream err;
    private int exitCode;

    private final MessageSource messages;

    @Autowired
    public AdminCli(List<AdminCommand> commands, MessageSource messages) {
        this(commands, messages, System.out, System.err);
    }

    public AdminCli(List<AdminCommand> commands, MessageSource messages, PrintStream out, PrintStream err) {
        this.messages = messages;
        this.commands = commands.stream()
                .sorted(Comparator.comparing(AdminCommand::name))
                .toList();
        this.out = out;
        this.err = err;
    }

    public static boolean isAdminCommand(String[] args) {
        return args.length > 0 && "admin".equals(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        exitCode = run(Arrays.asList(arguments.getSourceArgs()).subList(1, arguments.getSourceArgs().length));
    }

    /** Runs the command the words name; returns its exit status. */
    public int run(List<String> words) {
        if (words.isEmpty() || words.contains("--help") || words.contains("-h")) {
            printHelp(words.isEmpty() ? err : out);
            return words.isEmpty() ? AdminCommand.USAGE : 0;
        }
        var command = commands.stream()
                .filter(c -> words.size() >= c.words().size()
                        && words.subList(0, c.words().size()).equals(c.words()))
                .findFirst();
        if (command.isEmpty()) {
            err.println("Unknown admin command: " + String.join(" ", words));
            printHelp(err);
            return AdminCommand.USAGE;
        }
        var c = command.get();
        try {
            var options = AdminArguments.parse(
                    words.subList(c.words().size(), words.size()), Set.of("admin", "resend", "silence"));
            return c.run(options, out, err);
        } catch (IllegalArgumentException e) {
            err.println("chorus admin " + c.name() + ": " + e.getMessage());
            err.println("usage: chorus admin " + c.usage());
            return AdminCommand.USAGE;
        } catch (DomainException e) {
            var reason = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH);
            err.println("chorus admin " + c.name() + ": " + reason);
            return AdminCommand.REFUSED;
        }
    }

    private void printHelp(PrintStream stream) {
        stream.println("Admin commands:");
        commands.forEach(c -> stream.println("  chorus admin " + c.usage()));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
