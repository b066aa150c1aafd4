package org.chorus.accounts;

import java.nio.charset.StandardCharsets;
import org.chorus.shared.InvalidField;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashing. A password has at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES}
 * bytes (all bcrypt reads), and is not one of the most common passwords ({@link CommonPasswords}), in any case. Hashes go through Spring Security's DelegatingPasswordEncoder (bcrypt today, marked
 * {@code {bcrypt}}), so a later change of algorithm upgrades hashes without breaking existing ones.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused. */
    public static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final CommonPasswords common;

    Passwords(CommonPasswords common) {
        this.common = common;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    /** Checks the rules and returns the hash to store. */
    public String hash(String password) {
        check(password);
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    /** Throws {@link InvalidField} on {@code password} when the password breaks a rule. */
    public void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidField("password", "password.too-short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidField("password", "password.too-long", MAX_BYTES);
        }
        if (common.contains(password)) {
            throw new InvalidField("password", "password.too-common");
        }
    }
}
