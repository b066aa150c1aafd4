package org.chorus.accounts;

import java.io.PrintStream;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.cli.AdminArguments;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.shared.i18n.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code chorus admin user …} and {@code chorus admin token …}. */
@Configuration
class AccountCommands {

    @Bean
    AdminCommand createUser(SigningUp signingUp) {
        return new AdminCommand() {
            public String name() {
                return "user create";
            }

            public String usage() {
                return "user create --email EMAIL --name NAME [--password PASSWORD] [--language en|fr|es|ar] [--admin]"
                        + "   (without --password, reads it from CHORUS_ADMIN_PASSWORD or prints a reset link)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                var email = args.required("email");
                var name = args.required("name");
                var language = args.option("language")
                        .map(tag -> Language.byTag(tag)
                                .orElseThrow(() -> new IllegalArgumentException("unsupported language '" + tag + "'")))
                        .orElse(Language.DEFAULT);
                var password = args.option("password")
                        .or(() -> java.util.Optional.ofNullable(System.getenv("CHORUS_ADMIN_PASSWORD")));
                var generated = password.isEmpty();
                var id = signingUp.createActive(
                        email,
                        name,
                        password.orElse(org.chorus.shared.SecretToken.generate().value()),
                        language,
                        args.flag("admin"));
                out.println("Created " + (args.flag("admin") ? "site admin " : "account ") + email + " (" + id + ")");
                if (generated) {
                    out.println("No password given: run 'chorus admin user reset-password --email " + email
                            + "' to get a link to set one.");
                }
                return 0;
            }
        };
    }

    @Bean
    AdminCommand resetPassword(ResettingPasswords resetting) {
        return new AdminCommand() {
            public String name() {
                return "user reset-password";
            }

            public String usage() {
                return "user reset-password --email EMAIL   (prints a one-time link, valid one hour)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                var email = args.required("email");
                var link = resetting.requestLink(email).orElseThrow(() -> new NotFoundException("account.not-found"));
                out.println(link);
                return 0;
            }
        };
    }

    @Bean
    AdminCommand createToken(ApiTokens tokens) {
        return new AdminCommand() {
            public String name() {
                return "token create";
            }

            public String usage() {
                return "token create --email EMAIL [--label LABEL] [--days DAYS] [--scopes read,write:actions,…]"
                        + "   (prints a new API token, shown only once; valid " + ApiTokens.DEFAULT_DAYS
                        + " days unless --days says otherwise, at most " + ApiTokens.MAX_DAYS + "; scopes among "
                        + String.join(", ", ApiTokens.SCOPES) + ", read alone unless --scopes says otherwise)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                var days = args.option("days")
                        .map(value -> {
                            try {
                                return Integer.parseInt(value.strip());
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException(
                                        "--days needs a number of days, not '" + value + "'");
                            }
                        })
                        .orElse(ApiTokens.DEFAULT_DAYS);
                var scopes = args.option("scopes")
                        .map(value -> java.util.Arrays.stream(value.split(","))
                                .filter(scope -> !scope.isBlank())
                                .toList())
                        .orElse(ApiTokens.DEFAULT_SCOPES);
                out.println(tokens.create(
                        args.required("email"), args.option("label").orElse("api"), days, scopes));
                return 0;
            }
        };
    }
}
