package org.chorus.demo.generate;

import java.io.PrintStream;
import org.chorus.shared.cli.AdminArguments;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code chorus admin generate --statements N [--seed S]}: a coalition's archive at scale, for trials and benchmarks. */
@Configuration
class GenerateCommand {

    static final int DEFAULT_STATEMENTS = 100_000;
    static final long DEFAULT_SEED = 13;

    @Bean
    AdminCommand generate(GeneratingData generating, ChorusProperties properties) {
        return new AdminCommand() {
            public String name() {
                return "generate";
            }

            public String usage() {
                return "generate [--statements N] [--seed S]   (fills an empty database with N published statements"
                        + " (100000), their organizations, translations and comments; writes the vocabulary to"
                        + " DATA_DIR/generated)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                int statements = args.option("statements")
                        .map(v -> number(v, "statements", 1, 5_000_000))
                        .orElse(DEFAULT_STATEMENTS);
                long seed = args.option("seed")
                        .map(v -> (long) number(v, "seed", 0, Integer.MAX_VALUE))
                        .orElse(DEFAULT_SEED);
                try {
                    generating.generate(
                            new GeneratingData.Request(
                                    statements, seed, properties.dataDir().resolve("generated")),
                            out);
                    return 0;
                } catch (GeneratingData.Refused refused) {
                    err.println("chorus admin generate: " + refused.getMessage());
                    return REFUSED;
                }
            }
        };
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
