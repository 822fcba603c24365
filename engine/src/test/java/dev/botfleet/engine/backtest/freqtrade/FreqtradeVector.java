package dev.botfleet.engine.backtest.freqtrade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario of {@code freqtrade/freqtrade-backtest-cases.json} (Freqtrade's test_backtest_detail.py), turned into
 * our inputs the way that file's {@code harness} says the scenario is run.
 */
record FreqtradeVector(
        String name,
        String description,
        CandleColumns candles,
        SignalColumns signals,
        FreqtradeSettings settings,
        double profitPerc,
        List<ExpectedTrade> trades) {

    static final String RESOURCE = "/freqtrade/freqtrade-backtest-cases.json";
    static final long START = Instant.parse("2018-10-03T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;

    record ExpectedTrade(String exitReason, long openTime, long closeTime, String enterTag, boolean isShort) {
    }

    /** True when the scenario needs shorts or leverage (not part of the spot acceptance set). */
    boolean needsMargin() {
        boolean shortSignal = false;
        for (int i = 0; i < signals.size(); i++) {
            shortSignal |= signals.enterShort()[i];
        }
        return shortSignal || settings.leverage() != 1.0 || trades.stream().anyMatch(ExpectedTrade::isShort);
    }

    static long tickTime(double tick) {
        return START + (long) tick * HOUR;
    }

    @Override
    public String toString() {
        return name + ": " + description;
    }

    static List<FreqtradeVector> load() {
        try (InputStream in = FreqtradeVector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            Map<?, ?> root = (Map<?, ?>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<FreqtradeVector> vectors = new ArrayList<>();
            for (Object c : (List<?>) root.get("cases")) {
                vectors.add(fromCase((Map<?, ?>) c));
            }
            return vectors;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    private static FreqtradeVector fromCase(Map<?, ?> c) {
        List<?> data = (List<?>) c.get("data");
        int n = data.size();
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        boolean[] enterLong = new boolean[n];
        boolean[] exitLong = new boolean[n];
        boolean[] enterShort = new boolean[n];
        boolean[] exitShort = new boolean[n];
        String[] enterTag = new String[n];
        for (int i = 0; i < n; i++) {
            List<?> row = (List<?>) data.get(i);
            time[i] = tickTime(num(row.get(0)));
            open[i] = num(row.get(1));
            high[i] = num(row.get(2));
            low[i] = num(row.get(3));
            close[i] = num(row.get(4));
            volume[i] = num(row.get(5));
            enterLong[i] = num(row.get(6)) == 1;
            exitLong[i] = num(row.get(7)) == 1;
            enterShort[i] = num(row.get(8)) == 1;
            exitShort[i] = num(row.get(9)) == 1;
            enterTag[i] = row.size() > 10 ? (String) row.get(10) : null;
        }
        CandleColumns candles = new CandleColumns(time, open, high, low, close, volume, Duration.ofHours(1));
        SignalColumns signals = new SignalColumns(enterLong, exitLong, enterShort, exitShort, enterTag, null);

        List<ExpectedTrade> trades = new ArrayList<>();
        for (Object t : (List<?>) c.get("trades")) {
            Map<?, ?> trade = (Map<?, ?>) t;
            trades.add(new ExpectedTrade((String) trade.get("exit_reason"), tickTime(num(trade.get("open_tick"))),
                    tickTime(num(trade.get("close_tick"))), (String) trade.get("enter_tag"),
                    (Boolean) trade.get("is_short")));
        }
        return new FreqtradeVector((String) c.get("name"), (String) c.get("description"), candles, signals,
                settings(c), num(c.get("profit_perc")), trades);
    }

    /** The harness: UNITTEST/BTC, fee 0, stake 0.001, wallet 1000, 10 slots, margin mode, limit orders. */
    private static FreqtradeSettings settings(Map<?, ?> c) {
        Map<Integer, Double> roi = new LinkedHashMap<>();
        ((Map<?, ?>) c.get("roi")).forEach((k, v) -> roi.put(Integer.parseInt((String) k), num(v)));
        Object timeout = c.get("timeout");
        Duration entryTimeout = timeout == null ? Duration.ofMinutes(10) : Duration.ofMinutes((long) num(timeout));
        Duration exitTimeout = timeout == null ? Duration.ofMinutes(30) : Duration.ofMinutes((long) num(timeout));
        Double customEntry = (Double) c.get("custom_entry_price");
        Double customExit = (Double) c.get("custom_exit_price");
        Double adjustEntry = (Double) c.get("adjust_entry_price");

        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults()
                // MagicMock(return_value=case.adjust_entry_price): None (unset) cancels the unfilled order.
                .withAdjustEntryPrice((trade, time, proposed, current) -> adjustEntry);
        if (customEntry != null) {
            callbacks = callbacks.withCustomEntryPrice((time, proposed, tag, isShort) -> customEntry);
        }
        if (customExit != null) {
            callbacks = callbacks.withCustomExitPrice((trade, time, proposed, profit, reason) -> customExit);
        }
        return FreqtradeSettings.builder()
                .stakeAmount(0.001)
                .startingBalance(1000)
                .fee(0.0)
                .maxOpenTrades(10)
                .tradingMode(TradingMode.MARGIN)
                .maxLeverage(100)
                .leverage(num(c.get("leverage")))
                .stoploss(num(c.get("stop_loss")))
                .minimalRoi(RoiTable.of(roi))
                .trailingStop((Boolean) c.get("trailing_stop"))
                .trailingOnlyOffsetIsReached((Boolean) c.get("trailing_only_offset_is_reached"))
                .trailingStopPositive((Double) c.get("trailing_stop_positive"))
                .trailingStopPositiveOffset(num(c.get("trailing_stop_positive_offset")))
                .useExitSignal((Boolean) c.get("use_exit_signal"))
                .useCustomStoploss((Boolean) c.get("use_custom_stoploss"))
                .entryTimeout(entryTimeout)
                .exitTimeout(exitTimeout)
                .callbacks(callbacks)
                .build();
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
