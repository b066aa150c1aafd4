package org.chorus.actions;

import org.chorus.shared.EmailAddress;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import tools.jackson.databind.json.JsonMapper;

/**
 * How to reach a host without an account: the name and email they gave, kept only sealed (column
 * {@code action_hosts.contact}) and shown to the campaign's organizers alone. Never logged: {@link #toString} hides it.
 */
public record HostContact(String name, String email) {

    public static final int NAME_MAX = 200;
    // what the sealing is bound to (AEAD associated data), and the purpose of the address's blind index
    static final String COLUMN = "action_hosts.contact";
    static final String EMAIL_INDEX = "action_hosts.email";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The name and email as typed, checked together (both errors at once, next to their fields). */
    public static HostContact written(String name, String email) {
        var checks = new FieldChecks();
        var checkedName = checks.check(() -> name(name));
        var checkedEmail = checks.check(() -> EmailAddress.check(email));
        checks.done();
        return new HostContact(checkedName, checkedEmail);
    }

    private static String name(String typed) {
        var name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            throw new InvalidField("hostName", "action.host-name.required");
        }
        if (name.length() > NAME_MAX) {
            throw new InvalidField("hostName", "action.text.too-long", NAME_MAX);
        }
        return name;
    }

    /** The address one person is known by, whatever its case. */
    String canonicalEmail() {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static HostContact fromJson(String json) {
        return JSON.readValue(json, HostContact.class);
    }

    @Override
    public String toString() {
        return "HostContact[hidden]";
    }
}
