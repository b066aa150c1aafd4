package org.chorus.turnout;

import java.util.Optional;

/**
 * Where photos' bytes live, by key (e.g. {@code turnout/<id>.jpg}); never the database, which keeps only the key. A
 * directory by default ({@link DirectoryPhotoStore}); another store (object storage) is another bean.
 */
public interface PhotoStore {

    void write(String key, byte[] bytes);

    Optional<byte[]> read(String key);

    /** Removes the bytes; nothing happens for a key that holds none. */
    void delete(String key);
}
