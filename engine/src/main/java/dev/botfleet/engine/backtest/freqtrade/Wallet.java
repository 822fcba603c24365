package dev.botfleet.engine.backtest.freqtrade;

import java.util.List;

/**
 * The stake-currency wallet every pair of a backtest shares (Freqtrade's {@code Wallets} in backtest mode). Freqtrade
 * recomputes it from the trades after every entry and exit; so does this class, from the open trades it is given and
 * the profit of the closed ones, with the same float operations in the same order.
 */
final class Wallet {

    private final FreqtradeSettings settings;
    /** Freqtrade's {@code LocalTrade.bt_total_profit}: Σ profit_abs of the closed trades, in closing order. */
    private double closedProfit;

    Wallet(FreqtradeSettings settings) {
        this.settings = settings;
    }

    void addClosedProfit(double profitAbs) {
        closedProfit += profitAbs;
    }

    /** Σ stake of the open trades (also unfilled ones: Freqtrade books the stake when the order is placed). */
    static double tiedUp(List<RunningTrade> open) {
        double sum = 0;
        for (RunningTrade t : open) {
            sum += t.stakeAmount;
        }
        return sum;
    }

    /** {@code _update_dry}: free = dry_run_wallet + (closed profit + realized profit of open trades) − tied up. */
    double free(List<RunningTrade> open) {
        double realized = 0;
        for (RunningTrade t : open) {
            realized += t.realizedProfit;
        }
        return settings.startingBalance() + (closedProfit + realized) - tiedUp(open);
    }

    /**
     * {@code get_available_stake_amount}: ((tied up + free) × tradable_balance_ratio) − tied up, but never more than
     * free. The ratio applies to the whole balance so that each open trade does not shrink the next one's share.
     */
    double available(List<RunningTrade> open) {
        double tied = tiedUp(open);
        double free = free(open);
        return Math.min((tied + free) * settings.tradableBalanceRatio() - tied, free);
    }

    /**
     * {@code get_trade_stake_amount}: the fixed stake, or for "unlimited" (available + tied up) / max_open_trades
     * capped at the available balance. NaN where Freqtrade raises "Available balance is lower than stake amount"
     * (the entry is skipped, and not counted as a rejected signal).
     */
    double tradeStake(List<RunningTrade> open) {
        double available = available(open);
        double stake = settings.unlimitedStake() ? unlimitedStake(available, tiedUp(open)) : settings.stakeAmount();
        return available < stake ? Double.NaN : stake;
    }

    private double unlimitedStake(double available, double tiedUp) {
        int maxOpenTrades = settings.maxOpenTrades();
        if (maxOpenTrades == 0) {
            return 0;
        }
        double possible = (available + tiedUp) / maxOpenTrades;
        return Math.min(possible, available);
    }

    /** {@code get_total} of the stake currency: free plus the stake of unfilled entry orders. */
    double total(List<RunningTrade> open) {
        double used = 0;
        for (RunningTrade t : open) {
            if (t.openOrder != null && t.openOrder.entry()) {
                used += t.openOrder.amount() * t.openOrder.price() / t.leverage;
            }
        }
        return free(open) + used;
    }
}
