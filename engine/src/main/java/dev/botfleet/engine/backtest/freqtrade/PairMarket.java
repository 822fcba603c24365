package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;

/**
 * A pair's exchange rules as ccxt's {@code load_markets} gives them to Freqtrade: price and amount precision (as tick
 * and lot size) and the limits on amount and cost (null = none). Freqtrade truncates amounts to the lot, rounds custom
 * prices and stops to the tick, and keeps each stake between {@link #minStake} and {@link #maxStake}.
 */
public record PairMarket(BigDecimal priceTick, BigDecimal amountStep, Double amountMin, Double amountMax,
                         Double costMin, Double costMax) {

    /** Freqtrade's {@code amount_reserve_percent} default: the minimum stake gets 5 % on top. */
    public static final double AMOUNT_RESERVE_PERCENT = 0.05;

    public PairMarket {
        if (priceTick != null && priceTick.signum() <= 0) {
            throw new IllegalArgumentException("price precision must be positive, was " + priceTick);
        }
        if (amountStep != null && amountStep.signum() <= 0) {
            throw new IllegalArgumentException("amount precision must be positive, was " + amountStep);
        }
    }

    /**
     * Freqtrade's {@code get_min_pair_stake_amount} ({@code _get_stake_amount_limit(..., "min")}): the larger of
     * cost.min × the stoploss reserve and amount.min × price × 1.05, over the leverage; null without limits. The
     * stoploss reserve is 1.05 / (1 − |stoploss|), kept within [1, 1.5] (1.5 for a stoploss of −1); backtests pass
     * −0.05 for a new trade.
     */
    public Double minStake(double price, double stoploss, double leverage) {
        double marginReserve = 1.0 + AMOUNT_RESERVE_PERCENT;
        double stoplossReserve = Math.abs(stoploss) != 1 ? marginReserve / (1 - Math.abs(stoploss)) : 1.5;
        stoplossReserve = Math.max(Math.min(stoplossReserve, 1.5), 1);
        Double limit = null;
        if (costMin != null) limit = costMin * stoplossReserve;
        if (amountMin != null) {
            double byAmount = amountMin * price * marginReserve;
            limit = limit == null ? byAmount : Math.max(limit, byAmount);
        }
        return limit == null ? null : limit / leverage;
    }

    /** {@code get_max_pair_stake_amount}: the smaller of cost.max and amount.max × price, over the leverage. */
    public double maxStake(double price, double leverage) {
        double limit = Double.POSITIVE_INFINITY;
        if (costMax != null) limit = costMax;
        if (amountMax != null) limit = Math.min(limit, amountMax * price);
        return limit / leverage;
    }
}
