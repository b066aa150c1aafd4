package org.chorus.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One embedded PostgreSQL for the whole test run, started on first use and stopped when the JVM exits. Every Spring
 * context the tests create points at it (registered in META-INF/spring.factories), so tests never start a second
 * server; they keep apart by using their own emails and names. The keys for personal data go with the database: one
 * set per run, so a context (a module's, or the whole application's) reads what another one sealed, and any context's
 * mail sender can deliver any queued message.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String DATA_KEYS = PersonalData.generateJson();

    private static EmbeddedPostgres postgres;

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temporary directory goes with it
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static final java.util.Deque<ConfigurableApplicationContext> contexts =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    /**
     * Closes the test contexts, newest first, while the database still runs: JVM shutdown hooks run together, and
     * the embedded PostgreSQL's own hook would stop it under beans that use it while closing.
     */
    static void closeContexts() {
        ConfigurableApplicationContext context;
        while ((context = contexts.pollLast()) != null) {
            context.close();
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        contexts.add(context);
        var environment = context.getEnvironment();
        if (environment.matchesProfiles("dev") || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "chorus-test-database",
                        Map.of(
                                "spring.datasource.url",
                                jdbcUrl(),
                                "spring.datasource.username",
                                "postgres",
                                "spring.datasource.hikari.maximum-pool-size",
                                "8",
                                "chorus.data-keys",
                                DATA_KEYS)));
    }
}
