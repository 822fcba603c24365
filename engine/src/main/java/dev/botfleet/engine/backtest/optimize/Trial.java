package dev.botfleet.engine.backtest.optimize;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** One finished trial: its index in proposal order, the parameters tried, the loss and the key metrics. */
public record Trial(int index, Map<String, Object> params, double loss, Summary summary) {
    /** Best first: lower loss, NaN last, ties to the earlier trial (so the best is the same on every run). */
    public static final Comparator<Trial> BEST_FIRST = Comparator.<Trial, Double>comparing(
            t -> Double.isNaN(t.loss()) ? Double.POSITIVE_INFINITY : t.loss()).thenComparingInt(Trial::index);

    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The trial's outcome reduced to what a report shows (the trades themselves are not kept: memory). */
    public record Summary(int trades, int wins, double profitAbs, double profitTotal) {
        static Summary of(TrialOutcome o) {
            int wins = (int) o.trades().stream().filter(t -> t.profitAbs() > 0).count();
            double profit = o.totalProfitAbs();
            return new Summary(o.trades().size(), wins, profit, profit / o.startingBalance());
        }
    }
}
