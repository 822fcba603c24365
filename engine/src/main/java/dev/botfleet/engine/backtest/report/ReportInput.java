package dev.botfleet.engine.backtest.report;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the report needs besides the trades' own columns.
 *
 * @param trades          closed trades in the order they closed (Freqtrade's result order; the streak count reads it)
 * @param startingBalance dry_run_wallet, quote currency, > 0
 * @param stakeCurrency   e.g. {@code "USDT"}; decides the decimals of the text report (BTC 8, ETH 5, others 3)
 * @param start           backtest start, epoch ms (Freqtrade's min_date)
 * @param end             backtest end, epoch ms (max_date)
 * @param maxOpenTrades   the max_open_trades setting; -1 for unlimited
 * @param closesByPair    every backtested pair (the pair list, in whitelist order: use a LinkedHashMap) with the
 *                        closes of the backtest range (startup candles trimmed); NaN closes are skipped
 * @param zone            time zone of the day/week/month buckets (Freqtrade uses UTC)
 */
public record ReportInput(List<ReportTrade> trades, double startingBalance, String stakeCurrency, long start,
                          long end, int maxOpenTrades, Map<String, double[]> closesByPair, ZoneId zone) {

    public ReportInput {
        if (trades == null) {
            throw new IllegalArgumentException("trades is null (use an empty list)");
        }
        if (!(startingBalance > 0) || !Double.isFinite(startingBalance)) {
            throw new IllegalArgumentException("startingBalance must be > 0, got " + startingBalance);
        }
        if (stakeCurrency == null || stakeCurrency.isBlank()) {
            throw new IllegalArgumentException("stakeCurrency is missing");
        }
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (maxOpenTrades < -1) {
            throw new IllegalArgumentException("maxOpenTrades must be >= 0 or -1 (unlimited), got " + maxOpenTrades);
        }
        if (closesByPair == null) {
            throw new IllegalArgumentException("closesByPair is null (give every backtested pair its closes)");
        }
        if (zone == null) {
            throw new IllegalArgumentException("zone is null (Freqtrade's buckets are UTC: ZoneOffset.UTC)");
        }
        trades = List.copyOf(trades);
        closesByPair = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(closesByPair));
        for (int i = 0; i < trades.size(); i++) {
            String pair = trades.get(i).pair();
            if (!closesByPair.containsKey(pair)) {
                throw new IllegalArgumentException("trades[" + i + "] pair " + pair
                        + " is not in closesByPair (the pair list); pairs: " + closesByPair.keySet());
            }
        }
    }
}
