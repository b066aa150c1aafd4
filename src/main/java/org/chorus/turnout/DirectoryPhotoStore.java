package org.chorus.turnout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The upload store as a directory ({@code chorus.uploads.dir}, by default {@code uploads} under the data directory).
 * A file is written under a temporary name and moved into place, so a reader never gets half a photo. Keys are made
 * by this module (a folder and a UUID), never by a person; a key that would leave the directory is refused anyway.
 */
@Component
class DirectoryPhotoStore implements PhotoStore {

    private final Path root;

    DirectoryPhotoStore(@Value("${chorus.uploads.dir:${chorus.data-dir:data}/uploads}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String key, byte[] bytes) {
        var file = file(key);
        try {
            Files.createDirectories(file.getParent());
            var partial = file.resolveSibling(".partial-" + UUID.randomUUID());
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write upload " + key, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete upload " + key, e);
        }
    }

    /** Where a key's bytes are; for tests that read the stored file itself. */
    Path file(String key) {
        var file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not a key of the upload store");
        }
        return file;
    }
}
