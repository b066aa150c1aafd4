package org.chorus;

import org.chorus.shared.cli.AdminCli;
import org.chorus.shared.config.ProductionSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Starts Chorus: the web application, or an admin command when the first argument is {@code admin}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class ChorusApplication {

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).equals(java.util.List.of("admin", "keys", "generate"))) {
            // new keys for personal data, printed before anything (database, settings) is needed
            System.out.println(org.chorus.shared.crypto.PersonalData.generateJson());
            return;
        }
        ProductionSettings.exitIfIncomplete(
                System.getenv(),
                System.getProperty(
                        "spring.profiles.active", System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "")));
        var application = new SpringApplication(ChorusApplication.class);
        if (AdminCli.isAdminCommand(args)) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLogStartupInfo(false);
            application.setAdditionalProfiles("admin");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
