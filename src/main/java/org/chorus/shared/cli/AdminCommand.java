package org.chorus.shared.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code bin/chorus admin …} command, contributed by the module that owns what it changes. Returns the process exit
 * status: 0 done, 2 bad usage, 1 refused (the message says why).
 */
public interface AdminCommand {

    /** The words that select this command, e.g. {@code user create}. */
    String name();

    /** One line for {@code bin/chorus admin --help}, with the options. */
    String usage();

    int run(AdminArguments arguments, PrintStream out, PrintStream err);

    /** Exit status for a command used wrongly. */
    int USAGE = 2;

    /** Exit status for a command that was understood but refused. */
    int REFUSED = 1;

    default List<String> words() {
        return List.of(name().split(" "));
    }
}
