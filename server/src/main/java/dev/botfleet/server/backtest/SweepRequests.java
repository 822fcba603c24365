package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.Metric;
import dev.botfleet.engine.backtest.ParameterSpace;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterType;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.server.common.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code sweep} and {@code walkForward} parts of a POST /backtests body, naming each refused value by its
 * path ({@code sweep.ranges.rsiPeriod}, {@code walkForward.inSample}), and caps the number of combinations so one
 * request cannot occupy the backtest threads for hours.
 */
@Component
public class SweepRequests {
    static final int MAX_FOLDS = 20;
    private static final Set<String> SWEEP_FIELDS = Set.of("ranges", "search", "samples", "seed", "metric");
    private static final Set<String> WALK_FORWARD_FIELDS = Set.of("folds", "inSample");
    private static final String RANGE_SHAPE = "\"from:to:step\" (inclusive) or a list of values";

    private final int maxCombinations;

    public SweepRequests(@Value("${botfleet.backtest.max-sweep-combinations:200}") int maxCombinations) {
        this.maxCombinations = maxCombinations;
    }

    public int maxCombinations() { return maxCombinations; }

    /**
     * @param source  null when the strategy itself was refused (the ranges' names are then not checked)
     * @param params  the run's validated parameters (null when refused): every combination is checked over them
     * @param candles the dataset's length (0 when unknown), for the folds' sizes
     * @return null when neither part was given or when something was refused (then {@code v} holds why)
     */
    public SweepPlan resolve(JsonNode sweep, JsonNode walkForward, StrategySource source, Map<String, Object> params,
                             int candles, Violations v) {
        boolean noSweep = sweep == null || sweep.isNull();
        boolean noFolds = walkForward == null || walkForward.isNull();
        if (noSweep && noFolds) return null;
        int before = v.count();
        SweepPlan.Folds folds = noFolds ? null : folds(walkForward, candles, v);
        if (noSweep) {
            v.add("sweep", "is required with walkForward: its ranges are what each fold chooses from", null);
            return null;
        }
        if (!sweep.isObject()) {
            v.add("sweep", "must be an object {ranges, search, samples, seed, metric}", null);
            return null;
        }
        unknownFields(sweep, SWEEP_FIELDS, "sweep", v);
        Metric metric = metric(sweep.get("metric"), v);
        String search = text(sweep.get("search"), "grid");
        if (!search.equals("grid") && !search.equals("random")) {
            v.add("sweep.search", "must be grid or random", shown(sweep.get("search")));
        }
        Long samples = whole(sweep.get("samples"), "sweep.samples", 1, maxCombinations, v);
        Long seed = whole(sweep.get("seed"), "sweep.seed", Long.MIN_VALUE, Long.MAX_VALUE, v);
        ParameterSpace space = space(sweep.get("ranges"), source, v);
        if (space == null || v.count() > before) return null;
        long size = sizeOf(space);
        List<Map<String, Object>> combinations;
        if (search.equals("random")) {
            combinations = space.random(samples == null ? Math.min(100, maxCombinations) : samples.intValue(),
                    seed == null ? 1 : seed);
        } else if (size > maxCombinations) {
            v.add("sweep.ranges", "the grid has " + (size == Long.MAX_VALUE ? "too many" : String.valueOf(size)) + " combinations, more than the limit of "
                    + maxCombinations + "; narrow the ranges or use search random with samples", null);
            return null;
        } else {
            combinations = space.grid();
        }
        if (params != null) checkCombinations(combinations, source, params, space, v);
        return v.count() > before ? null : new SweepPlan(combinations, search, metric, folds);
    }

    /** The grid's size; Long.MAX_VALUE when it does not even fit a long. */
    private static long sizeOf(ParameterSpace space) {
        try {
            return space.size();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private SweepPlan.Folds folds(JsonNode n, int candles, Violations v) {
        if (!n.isObject()) {
            v.add("walkForward", "must be an object {folds, inSample}", null);
            return null;
        }
        unknownFields(n, WALK_FORWARD_FIELDS, "walkForward", v);
        Long folds = null;
        if (n.get("folds") == null || n.get("folds").isNull()) {
            v.add("walkForward.folds", "is required: how many consecutive windows (1 to " + MAX_FOLDS + ")", null);
        } else {
            folds = whole(n.get("folds"), "walkForward.folds", 1, MAX_FOLDS, v);
        }
        Double inSample = 0.7;
        JsonNode share = n.get("inSample");
        if (share != null && !share.isNull()) {
            BigDecimal d = decimal(share);
            if (d == null || d.signum() <= 0 || d.compareTo(BigDecimal.ONE) >= 0) {
                v.add("walkForward.inSample", "must be a number between 0 and 1 (exclusive), e.g. 0.7", shown(share));
                inSample = null;
            } else {
                inSample = d.doubleValue();
            }
        }
        if (folds == null || inSample == null) return null;
        // the engine's own rule (WalkForward), checked here so the request is refused instead of the run failing
        int window = candles / folds.intValue();
        int split = (int) Math.floor(window * inSample);
        if (candles > 0 && (split < 2 || window - split < 2)) {
            v.add("walkForward.folds", candles + " candles are too few for " + folds + " folds with an in-sample share of "
                    + inSample + " (each in- and out-of-sample part needs at least 2 candles)", folds);
            return null;
        }
        return new SweepPlan.Folds(folds.intValue(), inSample);
    }

    private ParameterSpace space(JsonNode ranges, StrategySource source, Violations v) {
        if (ranges == null || !ranges.isObject() || ranges.isEmpty()) {
            v.add("sweep.ranges", "is required: an object {parameter: " + RANGE_SHAPE + "}", null);
            return null;
        }
        ParameterSpace space = new ParameterSpace();
        for (Map.Entry<String, JsonNode> e : ranges.properties()) {
            String field = "sweep.ranges." + e.getKey();
            ParameterDefinition p = parameter(source, e.getKey());
            if (source != null && source.definition() != null && p == null) {
                v.add(field, "unknown parameter; known: " + String.join(", ",
                        source.definition().parameters().stream().map(ParameterDefinition::name).toList()), null);
                continue;
            }
            JsonNode values = e.getValue();
            try {
                if (values.isString() && values.asString().contains(":")) {
                    if (p != null && p.type() != ParameterType.INTEGER && p.type() != ParameterType.DECIMAL) {
                        v.add(field, "a from:to:step range needs a numeric parameter; list the values instead", values.asString());
                    } else {
                        range(space, e.getKey(), values.asString(), field, v);
                    }
                } else if (values.isArray()) {
                    list(space, e.getKey(), values, field, v);
                } else {
                    v.add(field, "must be " + RANGE_SHAPE, shown(values));
                }
            } catch (IllegalArgumentException ex) {
                v.add(field, ex.getMessage().replaceFirst("^" + e.getKey() + ": ", ""), shown(values));
            }
        }
        return space;
    }

    private void range(ParameterSpace space, String name, String text, String field, Violations v) {
        String[] p = text.split(":", -1);
        BigDecimal from;
        BigDecimal to;
        BigDecimal step;
        try {
            if (p.length != 3) throw new NumberFormatException();
            from = new BigDecimal(p[0].strip());
            to = new BigDecimal(p[1].strip());
            step = new BigDecimal(p[2].strip());
        } catch (NumberFormatException e) {
            v.add(field, "a range is from:to:step, three numbers, e.g. \"10:20:2\"", text);
            return;
        }
        if (step.signum() > 0 && to.compareTo(from) >= 0) {
            // count before listing: 0:1000000:0.0001 must not build ten billion values to learn it is too many
            BigDecimal count = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
            if (count.compareTo(BigDecimal.valueOf(maxCombinations)) > 0) {
                v.add(field, count.toPlainString() + " values, more than the limit of " + maxCombinations
                        + " combinations", text);
                return;
            }
        }
        space.range(name, from, to, step);
    }

    private void list(ParameterSpace space, String name, JsonNode values, String field, Violations v) {
        if (values.size() > maxCombinations) {
            v.add(field, values.size() + " values, more than the limit of " + maxCombinations + " combinations", null);
            return;
        }
        List<Object> list = new ArrayList<>();
        for (JsonNode n : values.values()) {
            if (n.isBoolean()) list.add(n.booleanValue());
            else if (n.isIntegralNumber() && n.canConvertToLong()) list.add(n.longValue());
            else if (n.isNumber()) list.add(n.decimalValue());
            else if (n.isString()) list.add(n.asString());
            else {
                v.add(field, "each value must be a number, a text or true/false", null);
                return;
            }
        }
        space.values(name, list);
    }

    /** Every combination over the run's parameters, so a bad one is a 400 now rather than a failed run later. */
    private static void checkCombinations(List<Map<String, Object>> combinations, StrategySource source,
                                          Map<String, Object> params, ParameterSpace space, Violations v) {
        for (Map<String, Object> combination : combinations) {
            Map<String, Object> merged = new LinkedHashMap<>(params);
            merged.putAll(combination);
            try {
                source.configure(merged);
            } catch (StrategySource.InvalidParameters e) {
                for (ParameterViolation pv : e.violations()) {
                    boolean swept = space.dimensions().containsKey(pv.field());
                    v.add(swept ? "sweep.ranges." + pv.field() : "params." + pv.field(),
                            pv.message() + " (combination " + combination + ")", pv.rejectedValue());
                }
                return;  // the first refused combination says enough
            }
        }
    }

    private static ParameterDefinition parameter(StrategySource source, String name) {
        if (source == null || source.definition() == null) return null;
        return source.definition().parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static Metric metric(JsonNode n, Violations v) {
        if (n == null || n.isNull()) return Metric.SHARPE;
        try {
            if (!n.isString()) throw new IllegalArgumentException("metric must be a text");
            return Metric.parse(n.asString());
        } catch (IllegalArgumentException e) {
            v.add("sweep.metric", e.getMessage().replaceFirst("^metric ", "").replaceFirst(", was '.*'$", ""), shown(n));
            return null;
        }
    }

    private static void unknownFields(JsonNode n, Set<String> known, String prefix, Violations v) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!known.contains(e.getKey())) {
                v.add(prefix + "." + e.getKey(), "unknown field; known: " + String.join(", ", known.stream().sorted().toList()), null);
            }
        }
    }

    private static String text(JsonNode n, String fallback) {
        if (n == null || n.isNull()) return fallback;
        return n.isString() ? n.asString().strip() : n.toString();
    }

    private static Long whole(JsonNode n, String field, long min, long max, Violations v) {
        if (n == null || n.isNull()) return null;
        BigDecimal d = decimal(n);
        if (d == null || d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            String range = min == Long.MIN_VALUE ? "" : " from " + min + " to " + max;
            v.add(field, "must be a whole number" + range, shown(n));
            return null;
        }
        return d.longValueExact();
    }

    /** A JSON number, or a text holding one; null otherwise. */
    private static BigDecimal decimal(JsonNode n) {
        try {
            if (n.isNumber()) return n.decimalValue();
            if (n.isString()) return new BigDecimal(n.asString().strip());
        } catch (NumberFormatException e) {
            // not a number
        }
        return null;
    }

    /** A scalar echoed back as the rejected value; structures are named, never echoed (they can be deep). */
    private static Object shown(JsonNode n) {
        if (n == null || n.isObject() || n.isArray()) return null;
        String s = n.isString() ? n.asString() : n.toString();
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
