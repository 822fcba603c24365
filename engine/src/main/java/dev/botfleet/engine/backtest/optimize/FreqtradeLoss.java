package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.report.FreqtradeMetrics;
import dev.botfleet.engine.backtest.report.FreqtradeMetrics.Underwater;

import java.util.List;

import static dev.botfleet.engine.backtest.optimize.TrialSeries.dailyProfitRatios;
import static dev.botfleet.engine.backtest.optimize.TrialSeries.mean;
import static dev.botfleet.engine.backtest.optimize.TrialSeries.sampleStd;

/**
 * Freqtrade's built-in loss functions (freqtrade/optimize/hyperopt_loss/*.py), same formulas and constants.
 * The constants carry Freqtrade's class names so {@link #name()} is what a Freqtrade user types.
 * Sharpe, Sortino, Calmar, the drawdowns and the expectancy come from {@link FreqtradeMetrics}, the report's own
 * implementation (pandas' pairwise sums), so a loss and the report of the same trades agree to the bit; the other
 * sums run in trade order (pandas may sum pairwise, so the last bit can differ).
 */
@SuppressWarnings("java:S115")  // constant names are Freqtrade's class names on purpose
public enum FreqtradeLoss implements HyperoptLoss {
    /** Default: weighs trade count near 600, total profit ratio against 3.0 and mean duration against 300 min. */
    ShortTradeDurHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) {
            List<TrialTrade> trades = o.trades();
            double totalProfit = trades.stream().mapToDouble(TrialTrade::profitRatio).sum();
            double duration = trades.stream().mapToLong(TrialTrade::durationMinutes).average().orElse(Double.NaN);
            int count = trades.size();
            double tradeLoss = 1 - 0.25 * Math.exp(-Math.pow(count - 600, 2) / Math.pow(10, 5.8));
            double profitLoss = Math.max(0, 1 - totalProfit / 3.0);
            double durationLoss = 0.4 * Math.min(duration / 300, 1);  // NaN without trades, as Freqtrade
            return tradeLoss + profitLoss + durationLoss;
        }
    },
    /** Minus the total absolute profit. */
    OnlyProfitHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) { return -o.totalProfitAbs(); }
    },
    SharpeHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) { return -TrialSeries.sharpe(o); }
    },
    /** Sharpe over daily sums of profit ratio minus 0.0005 slippage per trade, sample deviation, -20 when flat. */
    SharpeHyperOptLossDaily {
        @Override
        public double loss(TrialOutcome o) {
            double[] daily = dailyProfitRatios(o, 0.0005);  // risk-free rate 0
            double std = sampleStd(daily);
            double sharpe = std != 0 ? mean(daily) / std * Math.sqrt(365) : -20.0;
            return -sharpe;
        }
    },
    SortinoHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) { return -TrialSeries.sortino(o); }
    },
    /** Sortino over daily sums; the downside deviation is sqrt(sum(min(r,0)^2) / days), -20 when none. */
    SortinoHyperOptLossDaily {
        @Override
        public double loss(TrialOutcome o) {
            double[] daily = dailyProfitRatios(o, 0.0005);  // minimum acceptable return 0
            double squares = 0;
            for (double r : daily) if (r < 0) squares += r * r;
            double downStd = Math.sqrt(squares / daily.length);
            double sortino = downStd != 0 ? mean(daily) / downStd * Math.sqrt(365) : -20.0;
            return -sortino;
        }
    },
    CalmarHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) { return -TrialSeries.calmar(o); }
    },
    /** Minus total profit over the absolute max drawdown; minus total profit when there is no drawdown. */
    MaxDrawDownHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) {
            double total = o.totalProfitAbs();
            Underwater s = FreqtradeMetrics.underwater(TrialSeries.profitAbsByClose(o), 0);
            int idx = s == null ? 0 : FreqtradeMetrics.maxDrawdownIndex(s);
            return idx == 0 ? -total : -total / Math.abs(s.drawdown()[idx]);
        }
    },
    /** Minus total profit over the absolute and the largest relative drawdown (each its own maximum). */
    MaxDrawDownRelativeHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) {
            double total = o.totalProfitAbs();
            Underwater s = FreqtradeMetrics.underwater(TrialSeries.profitAbsByClose(o), o.startingBalance());
            if (s == null) return -total;
            double maxDrawdown = 0, relative = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.drawdown().length; i++) {
                maxDrawdown = Math.min(maxDrawdown, s.drawdown()[i]);
                relative = Math.max(relative, s.relative()[i]);
            }
            maxDrawdown = Math.abs(maxDrawdown);
            if (maxDrawdown == 0) return -total;
            return -total / maxDrawdown / relative;
        }
    },
    /** Minus profit reduced by the relative account drawdown (DRAWDOWN_MULT 0.075). */
    ProfitDrawDownHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) {
            double total = o.totalProfitAbs();
            double relative = relativeAccountDrawdown(o);
            return -1 * (total - (relative * total) * (1 - 0.075));
        }
    },
    /**
     * Profit reduced by drawdown (DRAWDOWN_MULT 0.055), times log(profit factor + 1), log(expectancy ratio + 2)
     * (log 1.01 above 10), log(winrate + 1.2) and a penalty below 50 trades (at least 0.1). Without trades Freqtrade
     * divides by zero; here the win rate is then 0.
     */
    MultiMetricHyperOptLoss {
        @Override
        public double loss(TrialOutcome o) {
            List<TrialTrade> trades = o.trades();
            double total = o.totalProfitAbs();
            double winning = 0, losing = 0;
            int wins = 0;
            for (TrialTrade t : trades) {
                if (t.profitAbs() > 0) { winning += t.profitAbs(); wins++; }
                if (t.profitAbs() < 0) losing += t.profitAbs();
            }
            double logProfitFactor = Math.log(winning / (Math.abs(losing) + 1e-6) + 1.0);
            double expectancyRatio = TrialSeries.expectancyRatio(o);
            double logExpectancy = expectancyRatio > 10 ? Math.log(1.01) : Math.log(expectancyRatio + 2.0);
            double winrate = trades.isEmpty() ? 0 : (double) wins / trades.size();
            double logWinrate = Math.log(1.2 + winrate);
            double relative = relativeAccountDrawdown(o);
            double penalty = 1.0;
            if (trades.size() < 50) penalty = Math.max(1 - Math.abs(trades.size() - 50) / 50.0, 0.1);
            double profitDraw = total - (relative * total) * (1 - 0.055);
            return -1 * (profitDraw * logProfitFactor * logExpectancy * logWinrate * penalty);
        }
    };

    private static double relativeAccountDrawdown(TrialOutcome o) {
        return FreqtradeMetrics.maxDrawdownAccount(TrialSeries.profitAbsByClose(o), o.startingBalance());
    }
}
