package org.chorus.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals personal data (email addresses and what a message says to one person) with Google Tink, so that a copy of the
 * database alone does not reveal it: {@link #seal} encrypts with AES-256-GCM (AEAD) bound to the column it goes into,
 * and {@link #index} computes a keyed HMAC-SHA256 "blind index" of the normalized value, for exact look-ups without
 * decrypting. The two keysets come from {@code CHORUS_DATA_KEYS} or the file named by {@code CHORUS_DATA_KEYS_FILE};
 * dev mode and tests generate them.
 */
public final class PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Aead aead;
    private final Mac mac;

    private PersonalData(KeysetHandle aeadKeys, KeysetHandle indexKeys) throws GeneralSecurityException {
        this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.mac = indexKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Reads the two keysets from their JSON form: {@code {"aead": <Tink keyset>, "index": <Tink keyset>}}. */
    public static PersonalData fromJson(String json) {
        try {
            var tree = JSON.readTree(json);
            if (tree == null || !tree.has("aead") || !tree.has("index")) {
                throw new IllegalArgumentException("the data keys must be a JSON object with \"aead\" and \"index\"");
            }
            return new PersonalData(
                    parse(tree.get("aead").toString()), parse(tree.get("index").toString()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the data keys are not valid Tink keysets: " + e.getMessage(), e);
        }
    }

    /** New random keysets, in the JSON form {@link #fromJson} reads. */
    public static String generateJson() {
        try {
            var aeadKeys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            var indexKeys = KeysetHandle.generateNew(HmacParameters.builder()
                    .setKeySizeBytes(32)
                    .setTagSizeBytes(32)
                    .setHashType(HmacParameters.HashType.SHA256)
                    .setVariant(HmacParameters.Variant.NO_PREFIX)
                    .build());
            return JSON.writeValueAsString(
                    Map.of("aead", JSON.readTree(serialize(aeadKeys)), "index", JSON.readTree(serialize(indexKeys))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate data keys", e);
        }
    }

    /** Encrypts {@code plaintext} for the given column (e.g. {@code "followers.email"}); null stays null. */
    public byte[] seal(String plaintext, String column) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), column.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt " + column, e);
        }
    }

    /** Decrypts what {@link #seal} made for the same column; null stays null. */
    public String open(byte[] ciphertext, String column) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(
                    aead.decrypt(ciphertext, column.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "could not decrypt " + column + ": wrong data keys (CHORUS_DATA_KEYS) or altered data", e);
        }
    }

    /**
     * The blind index of an email address: the same address, whatever its case or surrounding spaces, gives the same
     * bytes everywhere (so suppressions, followers and accounts can be matched), and nothing about the address can be read from them without the key.
     */
    public byte[] emailIndex(String address) {
        return index(address.strip().toLowerCase(Locale.ROOT), "email");
    }

    /** The blind index of an exact value for a purpose (the purpose keeps indexes of different columns apart). */
    public byte[] index(String value, String purpose) {
        try {
            return mac.computeMac((purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not index " + purpose, e);
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }
}
