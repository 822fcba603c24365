package dev.botfleet.server.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options (some repeatable) and {@code --flag}s; anything else is refused by name. */
final class CommandLine {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    CommandLine(String[] args, Set<String> withValue, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0 && withValue.contains(a.substring(0, eq))) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name)) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(name + ": needs a value");
                    value = args[++i];
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new IllegalArgumentException(a + ": unknown option (see --help)");
            }
        }
    }

    String get(String name) {
        List<String> v = values.get(name);
        if (v == null) return null;
        if (v.size() > 1) throw new IllegalArgumentException(name + ": given " + v.size() + " times, expected once");
        return v.getFirst();
    }

    String required(String name) {
        String v = get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + ": is required");
        return v;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
