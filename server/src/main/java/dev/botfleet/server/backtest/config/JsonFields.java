package dev.botfleet.server.backtest.config;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one JSON object, recording every problem under its JSON path instead of stopping at the first,
 * and remembering which keys were read so that {@link #unknownKeys} can refuse the rest by name.
 */
final class JsonFields {
    private final JsonNode object;
    private final String path;
    private final List<ConfigProblem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    JsonFields(JsonNode object, String path, List<ConfigProblem> problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new ConfigProblem(pathOf(key), message));
    }

    boolean has(String key) {
        JsonNode n = object.get(key);
        return n != null && !n.isNull();
    }

    /** The raw node (marked as read), or null when absent or JSON null. */
    JsonNode node(String key) {
        read.add(key);
        JsonNode n = object.get(key);
        return n == null || n.isNull() ? null : n;
    }

    Double number(String key, Double fallback) {
        JsonNode n = node(key);
        if (n == null) return fallback;
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            problem(key, "must be a number, was " + shown(n));
            return fallback;
        }
        return n.doubleValue();
    }

    Integer whole(String key, Integer fallback) {
        JsonNode n = node(key);
        if (n == null) return fallback;
        if (!n.isNumber() || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 1e9) {
            problem(key, "must be a whole number, was " + shown(n));
            return fallback;
        }
        return (int) n.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode n = node(key);
        if (n == null) return fallback;
        if (!n.isBoolean()) {
            problem(key, "must be true or false, was " + shown(n));
            return fallback;
        }
        return n.booleanValue();
    }

    String text(String key, String fallback) {
        JsonNode n = node(key);
        if (n == null) return fallback;
        if (!n.isString()) {
            problem(key, "must be a string, was " + shown(n));
            return fallback;
        }
        return n.asString();
    }

    /** One of {@code allowed} (compared in lower case, as Freqtrade's schema lists them); null when refused. */
    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String s = text(key, null);
        if (s == null) return fallback;
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(s)) return e;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add('"' + e.name().toLowerCase(Locale.ROOT) + '"');
        problem(key, "must be " + String.join(" or ", names) + ", was " + shown(object.get(key)));
        return fallback;
    }

    /** A nested object's reader, or null (with a problem) when the value is not an object. */
    JsonFields object(String key) {
        JsonNode n = node(key);
        if (n == null) return null;
        if (!n.isObject()) {
            problem(key, "must be an object, was " + shown(n));
            return null;
        }
        return new JsonFields(n, pathOf(key), problems);
    }

    /** Marks a key as read without interpreting it (one the caller notes or refuses itself). */
    void skip(String key) {
        read.add(key);
    }

    /** Every key present in the object, in the file's order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) keys.add(e.getKey());
        return keys;
    }

    /**
     * Refuses every key nobody read, naming the known keys of this object ({@code known}, may be empty) or, for a
     * near miss of a key that was read ("telegramm"), that key.
     */
    void unknownKeys(String known) {
        for (String key : keys()) {
            if (read.contains(key)) continue;
            String near = read.stream().filter(k -> !k.equals(key) && distance(k, key) <= 2).findFirst().orElse(null);
            problem(key, "unknown key" + (near != null ? "; did you mean \"" + near + "\"?" : "")
                    + (known.isEmpty() ? "" : "; known here: " + known));
        }
    }

    /** Edit distance (insertions, deletions, substitutions) between two short key names. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** Plain Java values (maps, lists, strings, numbers, booleans, null) of a JSON value, keeping key order. */
    static Object plain(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) m.put(e.getKey(), plain(e.getValue()));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode e : n.values()) l.add(plain(e));
            return l;
        }
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        if (n.isBigDecimal() || n.isBigInteger()) {
            // Beyond a double's range (1e400) the exact decimal goes on, for the parameter's own check to refuse by
            // name; Jackson's doubleValue() would throw (a 500 the API fuzz test found).
            java.math.BigDecimal exact = n.decimalValue();
            return Double.isFinite(exact.doubleValue()) ? (Object) exact.doubleValue() : exact;
        }
        if (n.isNumber()) return n.doubleValue();
        return n.asString();
    }

    /** A value for an error message: strings quoted, long values cut. */
    static String shown(JsonNode n) {
        if (n == null) return "nothing";
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
