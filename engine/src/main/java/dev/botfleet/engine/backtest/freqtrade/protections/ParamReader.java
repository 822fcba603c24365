package dev.botfleet.engine.backtest.freqtrade.protections;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads one protection entry's parameters, with errors that name {@code protections[i].key}. */
final class ParamReader {

    private final ProtectionConfig config;
    private final int index;

    ParamReader(ProtectionConfig config, int index) {
        this.config = config;
        this.index = index;
    }

    String method() {
        return config.method();
    }

    boolean has(String key) {
        return config.params().containsKey(key);
    }

    /** {@code protections[i].key}, the name of a parameter in messages. */
    String at(String key) {
        return "protections[" + index + "]." + key;
    }

    /** Everything outside {@code allowed} is an error: Freqtrade would silently ignore it, we refuse it by name. */
    void allowOnly(Set<String> allowed, Map<String, String> hints) {
        for (String key : config.params().keySet()) {
            if (allowed.contains(key)) {
                continue;
            }
            if (key.equals("method")) {
                throw error("gives method twice: pass it as ProtectionConfig.method only, not in params");
            }
            String hint = hints.getOrDefault(key, "");
            throw new IllegalArgumentException(at(key) + " is not a parameter of " + method() + hint
                    + " (its parameters: " + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
    }

    /** An error about the entry as a whole: "protections[i] " + message. */
    IllegalArgumentException error(String message) {
        return new IllegalArgumentException("protections[" + index + "] " + message);
    }

    /** A whole number {@code >= min}; {@code kind} completes "must be a ..." in the message. */
    long wholeNumber(String key, long min, String kind) {
        Object value = config.params().get(key);
        if (!(value instanceof Number number) || !isWhole(number) || toBig(number).compareTo(BigDecimal.valueOf(min)) < 0
                || toBig(number).compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(at(key) + " must be " + kind + ", was " + show(value));
        }
        return number.longValue();
    }

    /** A finite number, as a double (Freqtrade reads these as Python floats). */
    double number(String key, double min) {
        Object value = config.params().get(key);
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())
                || number.doubleValue() < min) {
            String range = min == Double.NEGATIVE_INFINITY ? "a number" : "a number >= " + PyRepr.of(min);
            throw new IllegalArgumentException(at(key) + " must be " + range + ", was " + show(value));
        }
        return number.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object value = config.params().get(key);
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException(at(key) + " must be true or false, was " + show(value));
        }
        return b;
    }

    String string(String key) {
        Object value = config.params().get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(at(key) + " must be a string, was " + show(value));
        }
        return s;
    }

    /** How Python prints the value Freqtrade keeps (an int prints as {@code 4}, a float as {@code 0.02}). */
    String pythonText(String key) {
        return PyRepr.of((Number) config.params().get(key));
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || (n instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0);
    }

    private static BigDecimal toBig(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
