package org.chorus.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One embedded PostgreSQL for the whole test run, started on first use and stopped when the JVM exits, after the
 * Spring contexts. Every Spring context the tests create points at it (registered in META-INF/spring.factories), so
 * tests never start a second server; they keep apart by using their own emails and names.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                // after Spring has closed the contexts (Boot runs its shutdown handlers then), so beans that touch
                // the database while closing (the event publication registry lists what is left) still find it
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temporary directory goes with it
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.matchesProfiles("dev") || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "chorus-test-database",
                        Map.of(
                                "spring.datasource.url", jdbcUrl(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.hikari.maximum-pool-size", "8")));
    }
}
