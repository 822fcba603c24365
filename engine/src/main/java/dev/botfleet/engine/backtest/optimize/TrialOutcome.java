package dev.botfleet.engine.backtest.optimize;

import java.util.List;

/**
 * What one backtest of a trial produced: its closed trades, the wallet it started with (Freqtrade's
 * dry_run_wallet) and the backtested range (min_date / max_date), epoch milliseconds UTC.
 */
public record TrialOutcome(List<TrialTrade> trades, double startingBalance, long start, long end) {
    public TrialOutcome {
        trades = List.copyOf(trades);
        if (!(startingBalance > 0) || !Double.isFinite(startingBalance)) {
            throw new IllegalArgumentException("startingBalance must be a positive number, got " + startingBalance);
        }
        if (end < start) throw new IllegalArgumentException("end " + end + " is before start " + start);
    }

    public double totalProfitAbs() {
        double sum = 0;
        for (TrialTrade t : trades) sum += t.profitAbs();
        return sum;
    }
}
