package org.chorus.signons;

/**
 * What a statement's sign-on has gathered, as the count job last counted it: listed (approved) organizations, the
 * countries they are in, and listed people, with who may sign and whether the form still takes signatures.
 */
public record SignOnTotals(int organizations, int countries, int people, WhoMaySign whoMaySign, boolean accepting) {

    public boolean none() {
        return organizations == 0 && people == 0;
    }
}
