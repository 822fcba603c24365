package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.FillModel;
import dev.botfleet.engine.backtest.freqtrade.CandleColumns;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeSettings;
import dev.botfleet.engine.backtest.freqtrade.FundingData;
import dev.botfleet.engine.backtest.freqtrade.PairData;
import dev.botfleet.engine.backtest.freqtrade.PairLocks;
import dev.botfleet.engine.backtest.freqtrade.PairMarket;
import dev.botfleet.engine.backtest.freqtrade.PortfolioBacktest;
import dev.botfleet.engine.backtest.freqtrade.PortfolioResult;
import dev.botfleet.engine.backtest.freqtrade.SignalColumns;
import dev.botfleet.engine.backtest.report.BacktestReport;
import dev.botfleet.engine.backtest.report.FreqtradeReport;
import dev.botfleet.engine.backtest.report.ReportInput;
import dev.botfleet.engine.backtest.report.ReportTrade;
import dev.botfleet.engine.backtest.signals.RecordedSignals;
import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.engine.backtest.signals.StrategySignals;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.server.backtest.StrategySource;
import dev.botfleet.engine.data.Timeframes;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.server.backtest.config.CandleFiles;
import dev.botfleet.server.backtest.config.FreqtradeConfig;
import dev.botfleet.server.backtest.config.FundingFiles;
import dev.botfleet.server.backtest.config.PairDataLoader;
import dev.botfleet.server.backtest.config.Timerange;
import dev.botfleet.server.backtest.config.LoadedPairs;
import dev.botfleet.server.backtest.config.PortfolioBacktests;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a checked Freqtrade config on the engine: per pair the catalog strategy's decisions are recorded as signal
 * columns over all candles (warm-up included, as Freqtrade computes indicators), the engine's portfolio loop trades
 * all pairs on one wallet (dropping the warm-up rows itself), protections lock pairs when enabled, and Freqtrade's
 * report is computed over the trades.
 */
public final class EnginePortfolioBacktests implements PortfolioBacktests {
    /**
     * The balance of the kernel run that records a pair's signals. Freqtrade's signals do not depend on the wallet,
     * but a botfleet strategy sizes its own orders (e.g. orderAmount 100 quote) and a denied order would be a missing
     * signal; a balance no order reaches keeps every decision. The wallet of the backtest is dry_run_wallet.
     */
    static final BigDecimal RECORDING_BALANCE = new BigDecimal("1000000000000");

    private final Function<FreqtradeConfig, CandleFiles> files;

    /**
     * @param files where the {@code timeframe_detail} candles of a run are (the same place as its main candles);
     *              null when none can be loaded (a run asking for them is then refused)
     */
    public EnginePortfolioBacktests(Function<FreqtradeConfig, CandleFiles> files) {
        this.files = files;
    }

    @Override
    public PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                Map<String, Object> params, BacktestProgress progress) {
        return run(config, pairs, strategy, params, progress, SignalCache.NONE);
    }

    @Override
    public PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                Map<String, Object> params, BacktestProgress progress, SignalCache cache) {
        Map<String, CandleSeries> detail = detail(config, pairs);
        StrategyConfig strategyConfig = strategy.configure(params);
        FreqtradeSettings settings = EngineSettings.of(config, pairs.startupCandles());
        long total = pairs.pairs().stream().mapToLong(p -> p.candles().size()).sum() + 1;
        long done = 0;
        List<PairData> whitelist = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, FundingData> funding = funding(config, warnings);
        for (LoadedPairs.Pair pair : pairs.pairs()) {
            long offset = done;
            RecordedSignals signals = cache.get(new SignalCache.Key(pair.pair(), strategy.name(), params, settings.fee()),
                    () -> StrategySignals.record(spec(pair, strategy, strategyConfig, settings.fee()),
                            (d, t) -> progress.onProgress(offset + d * pair.candles().size() / Math.max(1, t), total)));
            if (signals.refusal() != null) throw new IllegalArgumentException(refusal(strategy.name(), signals));
            for (String w : signals.warnings()) warnings.add(pair.pair() + ": " + w);
            if (signals.failed()) {
                return new PortfolioOutcome(Map.of("warnings", warnings), "strategy '" + strategy.name()
                        + "' stopped on " + pair.pair() + ": " + signals.stopReason());
            }
            whitelist.add(pairData(pair, signals, detail.get(pair.pair()), funding.get(pair.pair()),
                    config.markets().get(pair.pair()), config.tradingMode() == FreqtradeConfig.TradingMode.FUTURES));
            done += pair.candles().size();
        }
        ProtectionLocks protections = config.enableProtections() && !config.protections().isEmpty()
                ? new ProtectionLocks(config.protections(), (int) (pairs.timeframe().millis() / 60_000),
                config.dryRunWallet())
                : null;
        PortfolioResult result = new PortfolioBacktest(settings, protections == null ? PairLocks.NONE : protections)
                .run(whitelist);
        progress.onProgress(total, total);
        return new PortfolioOutcome(result(config, pairs, strategy, settings, result, protections, warnings), null);
    }

    /**
     * The check, before a run is queued, for the common refusal: the strategy's decisions on every candle of every pair
     * of the run (the whole requested range, warm-up included), recorded exactly as the run records them and kept in
     * {@code cache}: the run given the same cache reuses them instead of recording twice. Strategies that work with
     * limit orders (grid, scalper) or add to a position show it here, however late in the range they do.
     *
     * @return null when those decisions map onto signals, else the refusal naming the strategy
     */
    public static String precheck(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                  Map<String, Object> params, SignalCache cache) {
        StrategyConfig strategyConfig = strategy.configure(params);
        double fee = EngineSettings.of(config, pairs.startupCandles()).fee();
        for (LoadedPairs.Pair pair : pairs.pairs()) {
            RecordedSignals signals = cache.get(new SignalCache.Key(pair.pair(), strategy.name(), params, fee),
                    () -> StrategySignals.record(spec(pair, strategy, strategyConfig, fee)));
            if (signals.refusal() != null) return refusal(strategy.name(), signals);
        }
        return null;
    }

    /** A cache for one run's signals, {@link #precheck} to the run: every pair fits. */
    public static SignalCache runCache(LoadedPairs pairs) {
        return new SignalCache(pairs.pairs().size(), Long.MAX_VALUE);
    }

    /**
     * The config's protections checked as the run would build them (only when enabled, as Freqtrade loads them
     * only then), so a bad entry is refused before a run is queued.
     *
     * @return null when fine, else the engine's message naming {@code protections[i].key}
     */
    public static String protectionsProblem(FreqtradeConfig config, LoadedPairs pairs) {
        if (!config.enableProtections() || config.protections().isEmpty()) return null;
        try {
            new ProtectionLocks(config.protections(), (int) (pairs.timeframe().millis() / 60_000),
                    config.dryRunWallet());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static PortfolioRunResult result(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                             FreqtradeSettings settings, PortfolioResult result,
                                             ProtectionLocks protections, List<String> warnings) {
        int startup = pairs.startupCandles();
        long step = pairs.timeframe().millis();
        // the backtest range: each pair's candles after the warm-up, as Freqtrade's min_date / max_date
        Map<String, double[]> closesByPair = new LinkedHashMap<>();
        Map<String, EquityCurve.Closes> closes = new LinkedHashMap<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (LoadedPairs.Pair p : pairs.pairs()) {
            CandleSeries s = p.candles();
            double[] trimmed = Arrays.copyOfRange(s.closes(), startup, s.size());
            closesByPair.put(p.pair(), trimmed);
            closes.put(p.pair(), new EquityCurve.Closes(s.openTime(startup), trimmed));
            start = Math.min(start, s.openTime(startup));
            end = Math.max(end, s.openTime(s.size() - 1));
        }
        List<ReportTrade> trades = ReportTrades.of(result.trades(), settings.fee());
        String stakeCurrency = config.stakeCurrency() != null ? config.stakeCurrency()
                : quoteOf(pairs.pairs().getFirst().pair());
        BacktestReport report = FreqtradeReport.compute(new ReportInput(trades, settings.startingBalance(),
                stakeCurrency, start, end, settings.maxOpenTrades(), closesByPair, ZoneOffset.UTC));
        EquityCurve equity = EquityCurve.of(start, end, step, settings.startingBalance(), result.trades(), closes);
        List<String> notes = new ArrayList<>(EngineSettings.defaultsNotes(config));
        if (!config.protections().isEmpty() && !config.enableProtections()) {
            notes.add("protections: listed but not applied (enable_protections / --enable-protections is off,"
                    + " as in Freqtrade)");
        }
        return new PortfolioRunResult(strategy.name(), pairs.timeframe().code(), report, trades,
                protections == null ? List.of() : protections.locks(), result, equity, notes, warnings);
    }

    /**
     * The kernel run that records the strategy's decisions on this pair: all candles, warm-up included, on a wallet no
     * order reaches ({@link #RECORDING_BALANCE}). The lookahead and recursive analyses record on the same spec.
     */
    public static BacktestSpec spec(LoadedPairs.Pair pair, StrategySource strategy, StrategyConfig config,
                                    double feeRate) {
        String symbol = pair.pair().split(":")[0];  // futures pairs are BASE/QUOTE:SETTLE
        String[] parts = symbol.split("/");
        BigDecimal fee = BigDecimal.valueOf(feeRate);
        Instrument instrument = new Instrument("backtest", symbol, parts[0], parts[1], EngineSettings.PRECISION,
                EngineSettings.PRECISION, EngineSettings.PRECISION, BigDecimal.ZERO, fee, fee);
        return new BacktestSpec(strategy.name(), strategy.factory(), config, instrument, pair.candles(),
                FillModel.REALISTIC, RECORDING_BALANCE, 0, -1);
    }

    /**
     * A futures run's funding rates and mark prices per pair, from where its candles came; a warning for each pair
     * without them (and for all when the run has no directory to look in).
     */
    private Map<String, FundingData> funding(FreqtradeConfig config, List<String> warnings) {
        if (config.tradingMode() != FreqtradeConfig.TradingMode.FUTURES) return Map.of();
        CandleFiles where = files == null ? null : files.apply(config);
        if (where == null) {
            warnings.add("no funding-rate data (no directory to load it from): funding is not booked");
            return Map.of();
        }
        FundingFiles.Loaded loaded = FundingFiles.load(config.pairs(), where);
        warnings.addAll(loaded.warnings());
        return loaded.byPair();
    }

    private static PairData pairData(LoadedPairs.Pair pair, RecordedSignals signals, CandleSeries detail,
                                     FundingData funding, PairMarket market, boolean futures) {
        CandleColumns columns = columns(pair.candles());
        if (columns.size() != pair.candles().size()) {
            // the loader fills gaps; a series with gaps here would misalign the signals with the candles
            throw new IllegalStateException(pair.pair() + ": " + pair.file() + " has gaps the loader did not fill");
        }
        return new PairData(pair.pair(), columns, signalColumns(signals, futures), detail == null ? null : columns(detail), funding,
                market);
    }

    /**
     * Spot: the strategy's own entries and exits. Futures, for a strategy with a short side: its exit condition opens
     * shorts and its entry condition closes them; and, as a Freqtrade strategy's columns hold on every candle where
     * the condition does, the long side is its entries and exits plus every candle its entry (exit) condition held —
     * otherwise a long signal that comes while a short is open would be lost.
     */
    static SignalColumns signalColumns(RecordedSignals s, boolean futures) {
        if (!futures) return new SignalColumns(s.enterLong(), s.exitLong(), null, null, s.enterTags(), null);
        int n = s.enterLong().length;
        boolean[] enterLong = new boolean[n];
        boolean[] exitLong = new boolean[n];
        for (int i = 0; i < n; i++) {
            enterLong[i] = s.enterLong()[i] || s.exitShort()[i];
            exitLong[i] = s.exitLong()[i] || s.enterShort()[i];
        }
        return new SignalColumns(enterLong, exitLong, s.enterShort(), s.exitShort(), s.enterTags(), null);
    }

    private static CandleColumns columns(CandleSeries s) {
        return CandleColumns.withGapsFilled(s.openTimes(), s.opens(), s.highs(), s.lows(), s.closes(), s.volumes(),
                Duration.ofMillis(s.timeframe().millis()));
    }

    /**
     * {@code timeframe_detail}: each pair's smaller candles over the backtest range (no warm-up: signals come from the
     * main candles), from where its main candles came; an empty map without the key.
     */
    private Map<String, CandleSeries> detail(FreqtradeConfig config, LoadedPairs pairs) {
        if (config.timeframeDetail() == null) return Map.of();
        Timeframe tf = Timeframes.parse(config.timeframeDetail());
        if (tf.millis() >= pairs.timeframe().millis() || pairs.timeframe().millis() % tf.millis() != 0) {
            throw new IllegalArgumentException("timeframe_detail: " + tf.code() + " must be smaller than the timeframe "
                    + pairs.timeframe().code() + " and divide it");
        }
        CandleFiles where = files == null ? null : files.apply(config);
        if (where == null) {
            throw new IllegalArgumentException("timeframe_detail: no directory to load " + tf.code()
                    + " candles from (datadir)");
        }
        // the main candle opening at the stop covers [stop, stop + timeframe): its detail candles are wanted too
        Long stop = pairs.stopMillis() == null ? null : pairs.stopMillis() + pairs.timeframe().millis() - 1;
        LoadedPairs loaded;
        try {
            loaded = PairDataLoader.load(config.pairs(), tf, new Timerange(pairs.startMillis(), stop), 0,
                    config.tradingMode() == FreqtradeConfig.TradingMode.FUTURES, where);
        } catch (PairDataLoader.PairDataException e) {
            throw new IllegalArgumentException("timeframe_detail: " + e.getMessage(), e);
        }
        Map<String, CandleSeries> byPair = new LinkedHashMap<>();
        for (LoadedPairs.Pair p : loaded.pairs()) byPair.put(p.pair(), p.candles());
        return byPair;
    }

    /** The recorder's refusal, worded for a config run (the realistic model is the single-pair alternative). */
    static String refusal(String strategy, RecordedSignals signals) {
        String why = signals.refusal().replaceFirst("^fillModel: ", "")
                .replace(" (use the realistic fill model)", "");
        return "strategy: '" + strategy + "' cannot run from a Freqtrade config: " + why
                + "; backtest it on one dataset with the realistic fill model instead";
    }

    private static String quoteOf(String pair) {
        String symbol = pair.split(":")[0];
        return symbol.substring(symbol.indexOf('/') + 1);
    }
}
