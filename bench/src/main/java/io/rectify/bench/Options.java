package io.rectify.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of one subcommand, with typed getters and defaults. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            String name = args[i].substring(2);
            values.put(name, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : fallback;
    }

    Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }
}
