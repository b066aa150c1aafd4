package org.chorus.demo.generate;

import java.io.PrintStream;
import org.chorus.shared.cli.AdminArguments;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code chorus admin generate [--statements N] [--actions N] [--seed S]}: a coalition's archive and a campaign's local
 * actions at scale, for trials and benchmarks.
 */
@Configuration
class GenerateCommand {

    static final int DEFAULT_STATEMENTS = 100_000;
    static final int DEFAULT_ACTIONS = 100_000;
    static final long DEFAULT_SEED = 13;

    @Bean
    AdminCommand generate(GeneratingData generating, GeneratingActions actions, ChorusProperties properties) {
        return new AdminCommand() {
            public String name() {
                return "generate";
            }

            public String usage() {
                return "generate [--statements N] [--actions N] [--seed S] [--until YYYY-MM-DD]   (fills an empty database"
                        + " with N published statements (100000), their organizations, translations and comments, and"
                        + " writes the vocabulary to DATA_DIR/generated; --actions N adds a published campaign with N"
                        + " local actions (100000 with --actions alone) to an empty database or to the generated"
                        + " archive, its days of action just after --until; --statements is then only run when given)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                var actionCount = args.option("actions").map(v -> number(v, "actions", 1, 5_000_000));
                var statementCount = args.option("statements").map(v -> number(v, "statements", 1, 5_000_000));
                long seed = args.option("seed")
                        .map(v -> (long) number(v, "seed", 0, Integer.MAX_VALUE))
                        .orElse(DEFAULT_SEED);
                var until = args.option("until").map(GenerateCommand::day).orElse(null);
                var output = properties.dataDir().resolve("generated");
                try {
                    if (statementCount.isPresent() || actionCount.isEmpty()) {
                        generating.generate(
                                new GeneratingData.Request(
                                        statementCount.orElse(DEFAULT_STATEMENTS), seed, until, output),
                                out);
                    }
                    if (actionCount.isPresent()) {
                        actions.generate(new GeneratingActions.Request(actionCount.get(), seed, until, output), out);
                    }
                    return 0;
                } catch (GeneratingData.Refused refused) {
                    err.println("chorus admin generate: " + refused.getMessage());
                    return REFUSED;
                }
            }
        };
    }

    private static java.time.LocalDate day(String value) {
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--until must be a date such as 2026-12-01, not '" + value + "'");
        }
    }

    private static int number(String value, String name, int min, int max) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
        }
    }
}
