package dev.botfleet.strategies.rules;

import dev.botfleet.engine.indicator.Adx;
import dev.botfleet.engine.indicator.BollingerBands;
import dev.botfleet.engine.indicator.FastStochastic;
import dev.botfleet.engine.indicator.Macd;
import dev.botfleet.engine.indicator.Stochastic;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.strategies.rules.Condition.Operator;
import dev.botfleet.strategies.rules.IndicatorSet.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Compiles a rule tree (plain JSON as parsed: maps, lists, numbers, strings) into {@link Condition}s reading from one
 * {@link IndicatorSet}, recording a violation named by the JSON path (e.g. {@code entry.all[1].left.period}) for every
 * problem instead of stopping at the first. The grammar:
 * <pre>
 * node     = {"all": [node, ...]} | {"any": [node, ...]} | {"left": operand, "op": OP, "right": operand}
 * OP       = "&gt;" | "&lt;" | "&gt;=" | "&lt;=" | "crossesAbove" | "crossesBelow"
 * operand  = number | {"indicator": NAME, ...its parameters}
 * </pre>
 */
final class RuleParser {
    static final int MAX_DEPTH = 8;
    static final int MAX_CHILDREN = 20;
    private static final DoubleSupplier INVALID = () -> Double.NaN;
    static final List<String> INDICATORS = List.of("price", "volume", "rsi", "sma", "ema", "macd", "bollinger", "adx",
            "plusDi", "minusDi", "stochastic", "fastStochastic", "atr");

    private final IndicatorSet set;
    private final List<ParameterViolation> violations = new ArrayList<>();
    /** Violations recorded before the operand being parsed (operands do not nest). */
    private int operandMark;

    RuleParser(IndicatorSet set) {
        this.set = set;
    }

    List<ParameterViolation> violations() { return violations; }

    Condition node(Object raw, String path) {
        return node(raw, path, 1);
    }

    private Condition node(Object raw, String path, int depth) {
        if (!(raw instanceof Map<?, ?> m)) {
            return invalid(path, "must be an object: {\"all\": [...]}, {\"any\": [...]} or {\"left\", \"op\", \"right\"}", raw);
        }
        if (depth > MAX_DEPTH) return invalid(path, "nests deeper than " + MAX_DEPTH + " levels", null);
        for (String group : List.of("all", "any")) {
            if (!m.containsKey(group)) continue;
            if (m.size() != 1) return invalid(path, "must have only the key \"" + group + "\"", m.keySet());
            String at = path + "." + group;
            if (!(m.get(group) instanceof List<?> list) || list.isEmpty() || list.size() > MAX_CHILDREN) {
                return invalid(at, "must be a list of 1 to " + MAX_CHILDREN + " conditions", m.get(group));
            }
            List<Condition> children = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) children.add(node(list.get(i), at + "[" + i + "]", depth + 1));
            return group.equals("all") ? new Condition.All(children) : new Condition.Any(children);
        }
        unknownKeys(m, Set.of("left", "op", "right"), path);
        Operator op = Operator.of(String.valueOf(m.get("op")));
        if (op == null) violations.add(new ParameterViolation(path + ".op", "must be one of " + Operator.symbols(), m.get("op")));
        DoubleSupplier left = operand(m.get("left"), path + ".left");
        DoubleSupplier right = operand(m.get("right"), path + ".right");
        return new Condition.Compare(left, op == null ? Operator.GT : op, right);
    }

    private DoubleSupplier operand(Object raw, String path) {
        operandMark = violations.size();
        if (raw instanceof Number n) {
            double v = n.doubleValue();
            if (!Double.isFinite(v)) return invalidOperand(path, "must be a finite number", raw);
            return () -> v;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            return invalidOperand(path, "must be a number or an indicator {\"indicator\": \"rsi\", ...}", raw);
        }
        Object name = m.get("indicator");
        if (!(name instanceof String kind) || !INDICATORS.contains(kind)) {
            return invalidOperand(path + ".indicator", "must be one of " + String.join(", ", INDICATORS), name);
        }
        return switch (kind) {
            case "price" -> {
                unknownKeys(m, Set.of("indicator"), path);
                yield set::close;
            }
            case "volume" -> {
                unknownKeys(m, Set.of("indicator"), path);
                yield set::volume;
            }
            case "rsi" -> {
                unknownKeys(m, Set.of("indicator", "period"), path);
                int p = integer(m, "period", 14, 2, path);
                yield ok() ? set.rsi(p)::value : INVALID;
            }
            case "sma", "ema" -> {
                unknownKeys(m, Set.of("indicator", "period", "source"), path);
                int p = integer(m, "period", 20, 1, path);
                String src = choice(m, "source", "close", List.of("close", "volume"), path);
                Source source = "volume".equals(src) ? Source.VOLUME : Source.CLOSE;
                if (!ok()) yield INVALID;
                yield kind.equals("sma") ? set.sma(p, source)::value : set.ema(p, source)::value;
            }
            case "macd" -> macd(m, path);
            case "bollinger" -> {
                unknownKeys(m, Set.of("indicator", "period", "deviations", "output"), path);
                int p = integer(m, "period", 20, 2, path);
                double dev = decimal(m, "deviations", 2, path);
                String out = choice(m, "output", "middle", List.of("upper", "middle", "lower", "percentB"), path);
                if (!ok()) yield INVALID;
                BollingerBands b = set.bollinger(p, dev);
                yield switch (out) {
                    case "upper" -> b::upper;
                    case "lower" -> b::lower;
                    case "percentB" -> b::percentB;
                    default -> b::middle;
                };
            }
            case "adx", "plusDi", "minusDi" -> {
                unknownKeys(m, Set.of("indicator", "period"), path);
                int p = integer(m, "period", 14, 2, path);
                if (!ok()) yield INVALID;
                Adx a = set.adx(p);
                yield kind.equals("adx") ? a::adx : kind.equals("plusDi") ? a::plusDi : a::minusDi;
            }
            case "atr" -> {
                unknownKeys(m, Set.of("indicator", "period"), path);
                int p = integer(m, "period", 14, 1, path);
                yield ok() ? set.atr(p)::value : INVALID;
            }
            case "stochastic" -> {
                unknownKeys(m, Set.of("indicator", "kPeriod", "kSmoothing", "dPeriod", "output"), path);
                int k = integer(m, "kPeriod", 14, 1, path);
                int s = integer(m, "kSmoothing", 3, 1, path);
                int d = integer(m, "dPeriod", 3, 1, path);
                String out = choice(m, "output", "k", List.of("k", "d"), path);
                if (!ok()) yield INVALID;
                Stochastic st = set.stochastic(k, s, d);
                yield out.equals("d") ? st::d : st::k;
            }
            default -> {   // fastStochastic
                unknownKeys(m, Set.of("indicator", "kPeriod", "dPeriod", "output"), path);
                int k = integer(m, "kPeriod", 14, 1, path);
                int d = integer(m, "dPeriod", 3, 1, path);
                String out = choice(m, "output", "k", List.of("k", "d"), path);
                if (!ok()) yield INVALID;
                FastStochastic st = set.fastStochastic(k, d);
                yield out.equals("d") ? st::d : st::k;
            }
        };
    }

    private DoubleSupplier macd(Map<?, ?> m, String path) {
        unknownKeys(m, Set.of("indicator", "fast", "slow", "signal", "output"), path);
        int fast = integer(m, "fast", 12, 2, path);
        int slow = integer(m, "slow", 26, 3, path);
        int signal = integer(m, "signal", 9, 1, path);
        String out = choice(m, "output", "macd", List.of("macd", "signal", "histogram"), path);
        if (ok() && slow <= fast) {
            violations.add(new ParameterViolation(path + ".slow", "must be greater than fast (" + fast + ")", slow));
        }
        if (!ok()) return INVALID;
        Macd macd = set.macd(fast, slow, signal);
        return switch (out) {
            case "signal" -> macd::signal;
            case "histogram" -> macd::histogram;
            default -> macd::value;
        };
    }

    /** True when the operand being parsed has no problem so far (earlier parts of the tree may have). */
    private boolean ok() { return violations.size() == operandMark; }

    private int integer(Map<?, ?> m, String key, int fallback, int min, String path) {
        Object v = m.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                && n.doubleValue() <= 1000) {
            return n.intValue();
        }
        violations.add(new ParameterViolation(path + "." + key, "must be a whole number from " + min + " to 1000", v));
        return fallback;
    }

    private double decimal(Map<?, ?> m, String key, double fallback, String path) {
        Object v = m.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 10) return n.doubleValue();
        violations.add(new ParameterViolation(path + "." + key, "must be a number > 0 and <= 10", v));
        return fallback;
    }

    private String choice(Map<?, ?> m, String key, String fallback, List<String> options, String path) {
        Object v = m.get(key);
        if (v == null) return fallback;
        if (options.contains(v)) return (String) v;
        violations.add(new ParameterViolation(path + "." + key, "must be one of " + String.join(", ", options), v));
        return fallback;
    }

    private void unknownKeys(Map<?, ?> m, Set<String> allowed, String path) {
        for (Object key : m.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                violations.add(new ParameterViolation(path + "." + key, "is not allowed here (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")", m.get(key)));
            }
        }
    }

    private Condition invalid(String path, String message, Object value) {
        violations.add(new ParameterViolation(path, message, value));
        return new Condition.Any(List.of());   // never holds; the tree is refused anyway
    }

    private DoubleSupplier invalidOperand(String path, String message, Object value) {
        violations.add(new ParameterViolation(path, message, value));
        return INVALID;
    }
}
