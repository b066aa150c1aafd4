package org.chorus.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor types to sign up. */
public record SignUpForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank String password) {

    static SignUpForm blank() {
        return new SignUpForm("", "", "");
    }
}
