package org.chorus.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.SQLException;
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
                .start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        log.info("Embedded PostgreSQL started on port {} with its files in {}", port, directory);
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

    /** The embedded server when this process started it, or null when it attached to a running one. */
    record DevDatabase(EmbeddedPostgres postgres, int port) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
