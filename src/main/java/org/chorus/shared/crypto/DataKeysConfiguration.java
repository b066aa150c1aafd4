package org.chorus.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the keys for personal data come from: {@code chorus.data-keys} (the JSON itself, from
 * {@code CHORUS_DATA_KEYS}), else the file {@code chorus.data-keys-file} ({@code CHORUS_DATA_KEYS_FILE}). When
 * {@code chorus.generate-data-keys} is on (dev mode), a missing file is created with new keys, readable by its owner
 * only; tests generate keys in memory.
 */
@Configuration
class DataKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataKeysConfiguration.class);

    @Bean
    PersonalData personalData(
            @Value("${chorus.data-keys:}") String inline,
            @Value("${chorus.data-keys-file:}") String file,
            @Value("${chorus.generate-data-keys:false}") boolean generate) {
        if (!inline.isBlank()) {
            return PersonalData.fromJson(inline);
        }
        if (file.isBlank()) {
            if (!generate) {
                throw new IllegalStateException(
                        "Set CHORUS_DATA_KEYS or CHORUS_DATA_KEYS_FILE (see README.md: encryption of personal data)");
            }
            return PersonalData.fromJson(PersonalData.generateJson());
        }
        var path = Path.of(file);
        try {
            if (Files.notExists(path) && generate) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, PersonalData.generateJson());
                Files.setPosixFilePermissions(path, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
                log.warn("Generated new keys for personal data in {}; keep this file with the database", path);
            }
            return PersonalData.fromJson(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data keys from " + path, e);
        }
    }
}
