package dev.botfleet.engine.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A metric a sweep can rank by; undefined values rank last. */
public enum Metric {
    TOTAL_RETURN("totalReturn", true, m -> m.totalReturn()),
    CAGR("cagr", true, Metrics::cagr),
    MAX_DRAWDOWN("maxDrawdown", false, m -> m.maxDrawdown()),
    SHARPE("sharpe", true, Metrics::sharpe),
    SORTINO("sortino", true, Metrics::sortino),
    CALMAR("calmar", true, Metrics::calmar),
    WIN_RATE("winRate", true, Metrics::winRate),
    PROFIT_FACTOR("profitFactor", true, Metrics::profitFactor),
    EXPECTANCY("expectancy", true, m -> m.expectancy() == null ? null : m.expectancy().doubleValue()),
    NET_PROFIT("netProfit", true, m -> m.netProfit().doubleValue());

    private final String id;
    private final boolean higherIsBetter;
    private final Function<Metrics, Double> value;

    Metric(String id, boolean higherIsBetter, Function<Metrics, Double> value) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    public String id() { return id; }

    public Double valueOf(Metrics m) { return value.apply(m); }

    /** Best first; undefined last. */
    public Comparator<Metrics> ranking() {
        Comparator<Double> byValue = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(this::valueOf, Comparator.nullsLast(byValue));
    }

    public static Metric parse(String text) {
        for (Metric m : values()) {
            if (m.id.equals(text) || m.name().equals(text.toUpperCase(Locale.ROOT))) return m;
        }
        throw new IllegalArgumentException("metric must be one of "
                + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")) + ", was '" + text + "'");
    }
}
