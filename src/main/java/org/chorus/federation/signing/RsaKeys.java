package org.chorus.federation.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys as actors publish them ({@code publicKeyPem}: a PEM "PUBLIC KEY", X.509 SubjectPublicKeyInfo) and as
 * Chorus keeps its own (PKCS#8, sealed at rest by the caller).
 */
public final class RsaKeys {

    /** The size of the keys Chorus makes, as Mastodon's. */
    public static final int BITS = 2048;

    /** The smallest key accepted from others (older servers and the draft's test key have 1024 bits). */
    public static final int MIN_BITS = 1024;

    private RsaKeys() {}

    public static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM "PUBLIC KEY", lines of 64 characters. */
    public static String publicPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads a PEM "PUBLIC KEY" holding an RSA key of {@link #MIN_BITS} at least; anything else is refused. */
    public static PublicKey publicKey(String pem) {
        try {
            var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
            if (((RSAPublicKey) key).getModulus().bitLength() < MIN_BITS) {
                throw new IllegalArgumentException("an RSA key of fewer than " + MIN_BITS + " bits");
            }
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM", e);
        }
    }

    /** The private key as PKCS#8 bytes, to be sealed by the caller. */
    public static byte[] privateBytes(PrivateKey key) {
        return key.getEncoded();
    }

    /** Reads PKCS#8 bytes written by {@link #privateBytes}. */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        }
    }

    /** Reads a PEM "PRIVATE KEY" (PKCS#8), for keys kept as text (tests, the draft's test key). */
    public static PrivateKey privateKey(String pem) {
        return privateKey(der(pem, "PRIVATE KEY"));
    }

    private static byte[] der(String pem, String label) {
        var begin = "-----BEGIN " + label + "-----";
        var end = "-----END " + label + "-----";
        var from = pem.indexOf(begin);
        var to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM " + label, e);
        }
    }
}
