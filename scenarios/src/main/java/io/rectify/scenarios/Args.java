package io.rectify.scenarios;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options {@code --name value} and flags {@code --name}; anything else is refused. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    /**
     * @param valued the options that take a value
     * @param flagNames the options that stand alone
     */
    public static Args parse(String[] args, int from, List<String> valued, List<String> flagNames) {
        Args a = new Args();
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            String key = name.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                String k = key.substring(0, eq);
                if (!valued.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k);
                }
                a.values.put(k, key.substring(eq + 1));
            } else if (valued.contains(key)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                a.values.put(key, args[++i]);
            } else if (flagNames.contains(key)) {
                a.flags.add(key);
            } else {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        return a;
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int getInt(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + v + "'");
        }
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }
}
