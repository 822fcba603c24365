package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension;
import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;
import dev.botfleet.engine.backtest.optimize.RoiSpace;
import dev.botfleet.engine.backtest.optimize.StoplossSpace;
import dev.botfleet.engine.backtest.optimize.TrailingSpace;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search space of a hyperopt run from Freqtrade's space names: {@code roi}, {@code stoploss} and {@code trailing}
 * are Freqtrade's generated spaces; {@code params} are the strategy's own parameters, read from its definition:
 * <ul>
 *   <li>INTEGER with min and max: every integer between (an exclusive min starts one above);</li>
 *   <li>DECIMAL with min and max: steps of the declared {@code step} (its decimals), else 3 decimals as Freqtrade's
 *       DecimalParameter; an exclusive min starts one step above;</li>
 *   <li>ENUM: its options; BOOLEAN: true and false;</li>
 *   <li>the rest (no range, text, JSON, {@code timeframe}) and parameters pinned by the config's
 *       {@code strategy_params} are left out.</li>
 * </ul>
 * Wide declared ranges make a slow search, so {@code ranges} ({@code name -> "lo:hi"} or {@code "a,b,c"}) narrow it:
 * when given, only the named parameters are searched, each within the definition's bounds.
 */
public final class HyperoptSpaces {
    public static final List<String> KNOWN = List.of("roi", "stoploss", "trailing", "params");
    /** Freqtrade's DecimalParameter default precision. */
    private static final int DEFAULT_DECIMALS = 3;

    private HyperoptSpaces() {
    }

    /**
     * @param option the option or field the spaces came from, for error messages ("--spaces", "spaces")
     * @throws IllegalArgumentException naming the option, the space or the parameter
     */
    public static List<Dimension> build(List<String> spaces, String option, int timeframeMinutes,
                                        StrategyDefinition definition, Map<String, Object> pinned,
                                        Map<String, String> ranges, String rangeOption) {
        if (spaces == null || spaces.isEmpty()) {
            throw new IllegalArgumentException(option + ": give at least one of " + KNOWN);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String s : spaces) {
            if (s.equals("all")) chosen.addAll(KNOWN);
            else if (s.equals("default")) chosen.addAll(List.of("roi", "stoploss", "params"));
            else if (KNOWN.contains(s)) chosen.add(s);
            else throw new IllegalArgumentException(option + ": unknown space '" + s + "'; known: " + KNOWN + ", all, default");
        }
        if (!ranges.isEmpty() && !chosen.contains("params")) {
            throw new IllegalArgumentException(rangeOption + ": parameter ranges need the params space in " + option);
        }
        List<Dimension> out = new ArrayList<>();
        for (String s : chosen) {
            switch (s) {
                case "roi" -> out.addAll(RoiSpace.forTimeframe(timeframeMinutes));
                case "stoploss" -> out.addAll(StoplossSpace.dimensions());
                case "trailing" -> out.addAll(TrailingSpace.dimensions());
                default -> out.addAll(params(definition, pinned, ranges, rangeOption, option));
            }
        }
        return out;
    }

    static List<Dimension> params(StrategyDefinition definition, Map<String, Object> pinned, Map<String, String> ranges,
                                  String rangeOption, String option) {
        if (definition == null) {
            throw new IllegalArgumentException(option + ": the params space needs a strategy with a parameter definition");
        }
        Map<String, ParameterDefinition> byName = new LinkedHashMap<>();
        for (ParameterDefinition p : definition.parameters()) byName.put(p.name(), p);
        List<Dimension> out = new ArrayList<>();
        if (!ranges.isEmpty()) {
            for (String name : ranges.keySet()) {
                if (!byName.containsKey(name)) {
                    throw new IllegalArgumentException(rangeOption + " " + name + ": the strategy " + definition.id()
                            + " has no such parameter; it has " + byName.keySet());
                }
            }
            // the definition's order, not the order given: the space (and so the trials) must not depend on it
            for (ParameterDefinition p : definition.parameters()) {
                if (ranges.containsKey(p.name())) out.add(narrowed(p, ranges.get(p.name()), rangeOption + " " + p.name()));
            }
            return out;
        }
        for (ParameterDefinition p : definition.parameters()) {
            if (p.name().equals("timeframe") || pinned.containsKey(p.name())) continue;
            Dimension d = declared(p);
            if (d != null) out.add(d);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(option + ": the strategy " + definition.id() + " declares no parameter with"
                    + " a range or choices that is not pinned by strategy_params; leave out the params space");
        }
        return out;
    }

    /** The parameter's own range or choices; null when it declares none. */
    static Dimension declared(ParameterDefinition p) {
        return switch (p.type()) {
            case BOOLEAN -> CategoricalDim.of(p.name(), true, false);
            case ENUM -> p.options().isEmpty() ? null : new CategoricalDim(p.name(), List.copyOf(p.options()));
            case INTEGER -> p.min() == null || p.max() == null ? null
                    : new IntDim(p.name(), p.min().intValue() + (p.exclusiveMin() ? 1 : 0), p.max().intValue());
            case DECIMAL -> {
                if (p.min() == null || p.max() == null) yield null;
                int decimals = decimals(p);
                double lo = p.min().doubleValue() + (p.exclusiveMin() ? Math.pow(10, -decimals) : 0);
                yield new RealDim(p.name(), lo, p.max().doubleValue(), decimals);
            }
            default -> null;
        };
    }

    private static int decimals(ParameterDefinition p) {
        return p.step() == null ? DEFAULT_DECIMALS : Math.max(0, p.step().stripTrailingZeros().scale());
    }

    /** {@code lo:hi} for numbers (within the declared bounds), {@code a,b,c} for choices. */
    static Dimension narrowed(ParameterDefinition p, String text, String where) {
        String t = text.strip();
        switch (p.type()) {
            case INTEGER, DECIMAL -> {
                String[] parts = t.split(":", -1);
                if (parts.length != 2) throw new IllegalArgumentException(where + ": expected lo:hi, e.g. 10:30, got '" + text + "'");
                BigDecimal lo, hi;
                try {
                    lo = new BigDecimal(parts[0].strip());
                    hi = new BigDecimal(parts[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": '" + text + "' is not lo:hi with numbers");
                }
                if (lo.compareTo(hi) > 0) throw new IllegalArgumentException(where + ": lo " + lo + " is above hi " + hi);
                if (p.min() != null && (p.exclusiveMin() ? lo.compareTo(p.min()) <= 0 : lo.compareTo(p.min()) < 0)) {
                    throw new IllegalArgumentException(where + ": lo " + lo + " is outside the parameter's range " + p.rangeText());
                }
                if (p.max() != null && hi.compareTo(p.max()) > 0) {
                    throw new IllegalArgumentException(where + ": hi " + hi + " is outside the parameter's range " + p.rangeText());
                }
                if (p.type() == dev.botfleet.engine.strategy.definition.ParameterType.INTEGER) {
                    if (lo.stripTrailingZeros().scale() > 0 || hi.stripTrailingZeros().scale() > 0) {
                        throw new IllegalArgumentException(where + ": an integer parameter needs whole bounds, got '" + text + "'");
                    }
                    return new IntDim(p.name(), lo.intValueExact(), hi.intValueExact());
                }
                int decimals = Math.max(decimals(p), Math.max(lo.stripTrailingZeros().scale(), hi.stripTrailingZeros().scale()));
                return new RealDim(p.name(), lo.doubleValue(), hi.doubleValue(), Math.min(decimals, 9));
            }
            case ENUM, BOOLEAN -> {
                List<Object> values = new ArrayList<>();
                for (String v : t.split(",")) {
                    String s = v.strip();
                    if (p.type() == dev.botfleet.engine.strategy.definition.ParameterType.BOOLEAN) {
                        if (!s.equals("true") && !s.equals("false")) {
                            throw new IllegalArgumentException(where + ": '" + s + "' is not true or false");
                        }
                        values.add(Boolean.parseBoolean(s));
                    } else {
                        if (!p.options().contains(s)) {
                            throw new IllegalArgumentException(where + ": '" + s + "' is not one of " + p.options());
                        }
                        values.add(s);
                    }
                }
                return new CategoricalDim(p.name(), values);
            }
            default -> throw new IllegalArgumentException(where + ": a " + p.type() + " parameter cannot be searched");
        }
    }
}
