package dev.botfleet.engine.backtest;

import dev.botfleet.engine.backtest.freqtrade.CandleColumns;
import dev.botfleet.engine.backtest.freqtrade.ExitType;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeBacktest;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeResult;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeSettings;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeTrade;
import dev.botfleet.engine.backtest.freqtrade.SignalColumns;
import dev.botfleet.engine.backtest.signals.RecordedSignals;
import dev.botfleet.engine.backtest.signals.StrategySignals;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The freqtrade fill model for a signal strategy. Pass 1 ({@link StrategySignals}) runs the strategy through the kernel
 * and records, per candle, whether it decided to enter (a BUY while flat) or to exit (a SELL while long): those are its
 * {@code enter_long} / {@code exit_long} columns, computed on the candle's close like a Freqtrade dataframe. Pass 2 hands the candles and
 * signals to {@link FreqtradeBacktest}, which prices and fills them the way Freqtrade 2024.10 does (entry at the next
 * open, exit signal at the next open, stoploss inside the candle). Only strategies that trade with market orders,
 * one entry and one exit per deal, map onto signals; anything placing limit orders is refused with a clear message.
 */
final class FreqtradeRun {
    private final BacktestSpec spec;
    private final BacktestProgress progress;

    FreqtradeRun(BacktestSpec spec, BacktestProgress progress) {
        this.spec = spec;
        this.progress = progress;
    }

    BacktestResult run() {
        CandleSeries s = spec.candles();
        int n = s.size();
        RecordedSignals recorded = StrategySignals.record(spec, (done, total) -> progress.onProgress(done / 2, total))
                .requireSignals();

        Instrument instrument = spec.instrument();
        double balance = spec.startingBalance().doubleValue();
        double fee = instrument.takerFee().max(instrument.makerFee()).doubleValue();  // Freqtrade's worst-case fee
        FreqtradeSettings.Builder builder = FreqtradeSettings.builder()
                .startingBalance(balance).fee(fee).stoploss(spec.stoploss()).maxOpenTrades(1).useExitSignal(true)
                .priceTick(instrument.tickSize()).amountStep(instrument.lotSize());
        // Stake what the strategy itself put into its entries (their average value), so both fill models size
        // trades alike; a strategy that never entered gets Freqtrade's "unlimited" stake.
        double stake = recorded.averageStake();
        FreqtradeSettings settings = (stake > 0 ? builder.stakeAmount(stake) : builder.unlimitedStake()).build();
        CandleColumns columns = CandleColumns.withGapsFilled(s.openTimes(), s.opens(), s.highs(), s.lows(), s.closes(),
                s.volumes(), Duration.ofMillis(s.timeframe().millis()));
        FreqtradeResult result = new FreqtradeBacktest(settings).run(columns,
                SignalColumns.longOnly(recorded.enterLong(), recorded.exitLong()));
        progress.onProgress(n, n);

        List<BacktestTrade> trades = new ArrayList<>();
        for (FreqtradeTrade t : result.trades()) {
            trades.add(new BacktestTrade(Instant.ofEpochMilli(t.openTime()), Instant.ofEpochMilli(t.closeTime()),
                    t.isShort() ? "SHORT" : "LONG", t.amount(), t.openRate(), t.closeRate(), t.feeOpen().add(t.feeClose()),
                    t.profitAbs(), closeReason(t.exitType())));
        }
        EquityCurve curve = curve(s, result.trades(), balance);
        int scale = KernelRun.moneyScale(instrument);
        BigDecimal profit = result.profitAbsTotal();
        // Freqtrade force-exits an open trade at the end, so the account is flat: its equity is the closed trades'.
        Metrics metrics = MetricsCalculator.compute(spec.startingBalance(), spec.startingBalance().add(profit), curve,
                trades, s.timeframe().millis(), scale);
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put(instrument.quoteAsset(), spec.startingBalance().add(profit).stripTrailingZeros());
        balances.put(instrument.baseAsset(), BigDecimal.ZERO);
        return new BacktestResult(spec.strategy(), FillModel.FREQTRADE, n, trades, curve, metrics, balances, null,
                recorded.stopReason(), recorded.failed(), recorded.warnings());
    }

    static String closeReason(ExitType type) {
        return switch (type) {
            case ROI -> "ROI";
            case STOP_LOSS -> "STOP_LOSS";
            case TRAILING_STOP_LOSS -> "TRAILING_STOP";
            case EXIT_SIGNAL, CUSTOM_EXIT, PARTIAL_EXIT -> "SIGNAL";
            case FORCE_EXIT -> "FORCE_EXIT";
            case LIQUIDATION -> "LIQUIDATION";  // futures only; the single-pair freqtrade model trades spot
        };
    }

    /**
     * Equity at each candle's close: closed trades' profit plus the open trade marked at the close (entry fee paid,
     * exit fee not yet). Freqtrade dates a trade by candle open times: it is open from its entry candle and closed on
     * the candle its exit filled on (at that candle's open or inside it).
     */
    private static EquityCurve curve(CandleSeries s, List<FreqtradeTrade> trades, double start) {
        int n = s.size();
        long[] time = new long[n];
        double[] equity = new double[n];
        boolean[] exposed = new boolean[n];
        double realized = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            long open = s.openTime(i);
            while (next < trades.size() && trades.get(next).closeTime() <= open) {
                realized += trades.get(next).profitAbs().doubleValue();
                next++;
            }
            double unrealized = 0;
            if (next < trades.size() && trades.get(next).openTime() <= open) {
                FreqtradeTrade t = trades.get(next);
                double amount = t.amount().doubleValue();
                unrealized = amount * (s.close(i) - t.openRate().doubleValue()) - t.feeOpen().doubleValue();
                exposed[i] = true;
            }
            time[i] = s.closeTime(i);
            equity[i] = start + realized + unrealized;
        }
        return new EquityCurve(time, equity, exposed);
    }
}
