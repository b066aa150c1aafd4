package org.chorus.shared.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code --name value} options and {@code --flag} switches given to an admin command. */
public record AdminArguments(Map<String, String> options, Set<String> flags) {

    /** Parses options; a word that is not an option, or an option with no value, is an error. */
    public static AdminArguments parse(List<String> words, Set<String> knownFlags) {
        var options = new HashMap<String, String>();
        var flags = new HashSet<String>();
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            if (!word.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + word + "'");
            }
            var name = word.substring(2);
            var equals = name.indexOf('=');
            if (equals > 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (knownFlags.contains(name)) {
                flags.add(name);
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                options.put(name, words.get(++i));
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return new AdminArguments(options, flags);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
