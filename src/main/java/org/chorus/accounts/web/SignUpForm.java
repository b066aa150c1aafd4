package org.chorus.accounts.web;

/** What a visitor types to sign up; {@code SigningUp} checks every field and reports all broken ones together. */
public record SignUpForm(String email, String displayName, String password) {

    static SignUpForm blank() {
        return new SignUpForm("", "", "");
    }
}
