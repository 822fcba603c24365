package dev.botfleet.strategies.exit;

import dev.botfleet.engine.strategy.definition.ConfigRule;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exit parameters every deal-based strategy shares (take profit, stop loss, trailing take profit, time limit,
 * ROI table): their definitions, the cross-field checks, and the conversion to {@link ExitRules}.
 */
public final class ExitParameters {
    public static final String TAKE_PROFIT_PERCENT = "takeProfitPercent";
    public static final String TAKE_PROFIT_STEPS = "takeProfitSteps";
    public static final String TRAILING_TAKE_PROFIT_PERCENT = "trailingTakeProfitPercent";
    public static final String STOP_LOSS_PERCENT = "stopLossPercent";
    public static final String STOP_LOSS_TYPE = "stopLossType";
    public static final String STOP_LOSS_REFERENCE = "stopLossReference";
    public static final String STOP_LOSS_TRIGGER = "stopLossTrigger";
    public static final String TIME_LIMIT_MINUTES = "timeLimitMinutes";
    public static final String MINIMAL_ROI = "minimalRoi";
    static final int MAX_STEPS = 4;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ExitParameters() {
    }

    /**
     * Every exit is live-editable except {@code takeProfitSteps}: an open deal counts its filled steps by position in
     * the list, so a new list would mean other steps than the ones already sold.
     *
     * @param takeProfitDefault the default take profit in %, "0" for none
     */
    public static List<ParameterDefinition> definitions(String takeProfitDefault, String stopLossDefault) {
        return List.of(
                ParameterDefinition.decimal(TAKE_PROFIT_PERCENT).min("0").max("1000").step("0.1")
                        .defaultValue(takeProfitDefault).unit("%")
                        .description("Sell the whole position with a limit order this far above the average entry; "
                                + "0 = no take profit. Must be 0 when takeProfitSteps are given.")
                                        .liveEditable().build(),
                ParameterDefinition.json(TAKE_PROFIT_STEPS)
                        .description("Optional list of at most 4 take-profit targets "
                                + "[{\"amountPercent\": 50, \"profitPercent\": 1}, ...]: each sells amountPercent % of "
                                + "the position at profitPercent % above the average entry; amounts sum to 100.").build(),
                ParameterDefinition.decimal(TRAILING_TAKE_PROFIT_PERCENT).min("0").max("50").step("0.1")
                        .defaultValue("0").unit("%")
                        .description("0 = off. Otherwise the last take-profit target is not placed: once the price "
                                + "reaches it, the highest price since is tracked and the rest is sold at market when "
                                + "the price falls this far below that high.").liveEditable().build(),
                ParameterDefinition.decimal(STOP_LOSS_PERCENT).min("0").max("99").step("0.1")
                        .defaultValue(stopLossDefault).unit("%")
                        .description("Sell everything at market when the price falls this far below the stop "
                                + "reference; 0 = no stop loss.").liveEditable().build(),
                ParameterDefinition.choice(STOP_LOSS_TYPE, "FIXED", "TRAILING").defaultValue("FIXED")
                        .description("FIXED: the stop stays at its level. TRAILING: the stop follows the highest "
                                + "price since the deal opened, never down.").liveEditable().build(),
                ParameterDefinition.choice(STOP_LOSS_REFERENCE, "AVERAGE_ENTRY", "FIRST_ENTRY")
                        .defaultValue("AVERAGE_ENTRY")
                        .description("Price the stop-loss percent is measured from: the deal's average entry or "
                                + "its first fill (the base order).").liveEditable().build(),
                ParameterDefinition.choice(STOP_LOSS_TRIGGER, "LAST", "CANDLE_CLOSE").defaultValue("LAST")
                        .description("Prices compared with the stop: LAST = every trade and candle close; "
                                + "CANDLE_CLOSE = only candle closes of the strategy's timeframe.")
                                        .liveEditable().build(),
                ParameterDefinition.integer(TIME_LIMIT_MINUTES).min("0").max("525600").defaultValue(0L).unit("min")
                        .description("Close the deal at market this long after its first fill; 0 = no limit.")
                                .liveEditable().build(),
                ParameterDefinition.json(MINIMAL_ROI)
                        .description("Optional Freqtrade-style ROI table {\"0\": 0.04, \"30\": 0.02, \"60\": 0}: "
                                + "minutes since the deal opened → profit ratio net of fees (0.04 = 4 %) at which the "
                                + "deal is closed at market.").liveEditable().build());
    }

    /** Cross-field checks: take-profit steps, their sum, trailing needs a target, the ROI table's shape. */
    public static ConfigRule rule() {
        return config -> {
            List<ParameterViolation> out = new ArrayList<>();
            Object steps = config.raw(TAKE_PROFIT_STEPS);
            if (steps != null) {
                parseSteps(steps, out);
                BigDecimal tp = config.decimal(TAKE_PROFIT_PERCENT);
                if (tp != null && tp.signum() > 0) {
                    out.add(new ParameterViolation(TAKE_PROFIT_PERCENT,
                            "must be 0 when takeProfitSteps are given", tp));
                }
            }
            BigDecimal trailing = config.decimal(TRAILING_TAKE_PROFIT_PERCENT);
            if (trailing != null && trailing.signum() > 0 && steps == null
                    && (config.decimal(TAKE_PROFIT_PERCENT) == null || config.decimal(TAKE_PROFIT_PERCENT).signum() == 0)) {
                out.add(new ParameterViolation(TRAILING_TAKE_PROFIT_PERCENT,
                        "needs a take profit (takeProfitPercent > 0 or takeProfitSteps) to trail", trailing));
            }
            Object roi = config.raw(MINIMAL_ROI);
            if (roi != null) parseRoi(roi, out);
            return out;
        };
    }

    /** Reads a config already checked by {@link #rule()}. */
    public static ExitRules from(StrategyConfig config) {
        List<TakeProfitStep> steps;
        if (config.raw(TAKE_PROFIT_STEPS) != null) {
            steps = parseSteps(config.raw(TAKE_PROFIT_STEPS), new ArrayList<>());
        } else {
            BigDecimal tp = config.decimal(TAKE_PROFIT_PERCENT);
            steps = tp == null || tp.signum() == 0 ? List.of() : List.of(new TakeProfitStep(HUNDRED, tp));
        }
        StopLoss stop = new StopLoss(orZero(config.decimal(STOP_LOSS_PERCENT)),
                "TRAILING".equals(config.text(STOP_LOSS_TYPE)),
                StopLoss.Reference.valueOf(config.text(STOP_LOSS_REFERENCE)),
                StopLoss.Trigger.valueOf(config.text(STOP_LOSS_TRIGGER)));
        RoiTable roi = config.raw(MINIMAL_ROI) == null ? null
                : new RoiTable(parseRoi(config.raw(MINIMAL_ROI), new ArrayList<>()));
        long limit = config.has(TIME_LIMIT_MINUTES) ? config.integer(TIME_LIMIT_MINUTES) : 0;
        return new ExitRules(steps, orZero(config.decimal(TRAILING_TAKE_PROFIT_PERCENT)), stop, limit, roi);
    }

    private static BigDecimal orZero(BigDecimal d) { return d == null ? BigDecimal.ZERO : d; }

    static List<TakeProfitStep> parseSteps(Object raw, List<ParameterViolation> out) {
        List<TakeProfitStep> steps = new ArrayList<>();
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            out.add(new ParameterViolation(TAKE_PROFIT_STEPS, "must be a non-empty list of targets", raw));
            return steps;
        }
        if (list.size() > MAX_STEPS) {
            out.add(new ParameterViolation(TAKE_PROFIT_STEPS, "must have at most " + MAX_STEPS + " targets", list.size()));
            return steps;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            String at = TAKE_PROFIT_STEPS + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                out.add(new ParameterViolation(at, "must be an object {amountPercent, profitPercent}", list.get(i)));
                continue;
            }
            BigDecimal amount = positive(m.get("amountPercent"), at + ".amountPercent", HUNDRED, out);
            BigDecimal profit = positive(m.get("profitPercent"), at + ".profitPercent", new BigDecimal("1000"), out);
            for (Object key : m.keySet()) {
                if (!"amountPercent".equals(key) && !"profitPercent".equals(key)) {
                    out.add(new ParameterViolation(at + "." + key, "is not a field of a take-profit target", m.get(key)));
                }
            }
            if (amount != null && profit != null) {
                steps.add(new TakeProfitStep(amount, profit));
                sum = sum.add(amount);
            }
        }
        if (out.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            out.add(new ParameterViolation(TAKE_PROFIT_STEPS, "amountPercent values must sum to 100, not "
                    + sum.stripTrailingZeros().toPlainString(), raw));
        }
        return steps;
    }

    private static BigDecimal positive(Object value, String field, BigDecimal max, List<ParameterViolation> out) {
        BigDecimal d = number(value);
        if (d == null) {
            out.add(new ParameterViolation(field, "must be a number", value));
            return null;
        }
        if (d.signum() <= 0 || d.compareTo(max) > 0) {
            out.add(new ParameterViolation(field, "must be > 0 and <= " + max.toPlainString(), value));
            return null;
        }
        return d;
    }

    static Map<Long, BigDecimal> parseRoi(Object raw, List<ParameterViolation> out) {
        Map<Long, BigDecimal> table = new LinkedHashMap<>();
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
            out.add(new ParameterViolation(MINIMAL_ROI, "must be a non-empty object {\"minutes\": ratio}", raw));
            return table;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String field = MINIMAL_ROI + "." + e.getKey();
            long minutes;
            try {
                minutes = Long.parseLong(String.valueOf(e.getKey()).trim());
            } catch (NumberFormatException ex) {
                out.add(new ParameterViolation(field, "key must be a whole number of minutes", e.getKey()));
                continue;
            }
            if (minutes < 0) {
                out.add(new ParameterViolation(field, "key must be >= 0 minutes", e.getKey()));
                continue;
            }
            BigDecimal ratio = number(e.getValue());
            if (ratio == null || ratio.compareTo(BigDecimal.ONE.negate()) <= 0 || ratio.compareTo(BigDecimal.TEN) > 0) {
                out.add(new ParameterViolation(field, "must be a profit ratio > -1 and <= 10 (0.04 = 4 %)", e.getValue()));
                continue;
            }
            table.put(minutes, ratio);
        }
        return table;
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return null;  // NaN or infinite
            }
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
