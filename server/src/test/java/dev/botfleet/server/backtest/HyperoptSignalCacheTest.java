package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.server.backtest.config.FreqtradeConfig;
import dev.botfleet.server.backtest.config.LoadedPairs;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hyperopt on the engine's portfolio runs shares each pair's recorded signals between epochs: a roi / stoploss /
 * trailing search records each pair once, and finds exactly what a run recording every epoch finds.
 */
class HyperoptSignalCacheTest {
    @TempDir
    Path work;

    private static final String CONFIG = """
            {
              "stake_currency": "BTC", "stake_amount": 0.1, "max_open_trades": 2, "dry_run_wallet": 1,
              "timeframe": "5m", "startup_candle_count": 30, "stoploss": -0.10, "minimal_roi": {"0": 0.04},
              "exchange": {"name": "binance", "pair_whitelist": ["LTC/BTC", "ETC/BTC"]},
              "strategy": "rsi", "timerange": "20180120-20180122"
            }
            """;
    private static final int EPOCHS = 12;

    /** The engine's runs, either with the objective's cache or with a fresh one that keeps nothing. */
    private static final class Watched implements PortfolioBacktests {
        final EnginePortfolioBacktests engine = new EnginePortfolioBacktests(ConfigBacktestCommand.FILES);
        final Set<SignalCache> caches = ConcurrentHashMap.newKeySet();
        final SignalCache replacement;

        Watched(SignalCache replacement) {
            this.replacement = replacement;
        }

        @Override
        public PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                    Map<String, Object> params, BacktestProgress progress) {
            throw new AssertionError("a hyperopt trial must hand over its signal cache");
        }

        @Override
        public PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                    Map<String, Object> params, BacktestProgress progress, SignalCache signals) {
            caches.add(signals);
            return engine.run(config, pairs, strategy, params, progress, replacement != null ? replacement : signals);
        }
    }

    private int hyperopt(PortfolioBacktests portfolio, Path out) throws IOException {
        Path config = work.resolve("config.json");
        Files.writeString(config, CONFIG);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = List.of("--config", config.toString(), "--datadir", ShippedDatasets.directory().toString(),
                "--spaces", "roi", "stoploss", "trailing", "--hyperopt-loss", "SharpeHyperOptLoss",
                "--epochs", String.valueOf(EPOCHS), "--random-state", "3", "-j", "2", "--out", out.toString());
        int code = new HyperoptCommand(new CatalogStrategies(new StrategyCatalog()), portfolio,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    /** The checkpoint's epoch lines (index, loss, trades, wins, profit, params), in epoch order. */
    private static List<String> epochs(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(HyperoptCommand.CHECKPOINT));
        return new ArrayList<>(lines.subList(1, lines.size())).stream().sorted(
                java.util.Comparator.comparingInt(l -> Integer.parseInt(l.split(" ")[1]))).toList();
    }

    @Test
    void aRoiStoplossTrailingSearchRecordsEachPairOnceAndFindsWhatRecordingEveryEpochFinds() throws IOException {
        Watched cached = new Watched(null);
        hyperopt(cached, work.resolve("cached"));
        SignalCache noCache = new SignalCache(0, 0);
        hyperopt(new Watched(noCache), work.resolve("uncached"));

        assertThat(cached.caches).hasSize(1);  // one cache for the whole run
        SignalCache shared = cached.caches.iterator().next();
        assertThat(shared.recordings()).isEqualTo(2);                 // LTC/BTC and ETC/BTC, once each
        assertThat(shared.hits()).isEqualTo(EPOCHS * 2L - 2);
        assertThat(noCache.recordings()).isEqualTo(EPOCHS * 2L);

        List<String> withCache = epochs(work.resolve("cached"));
        assertThat(withCache).hasSize(EPOCHS);
        assertThat(withCache).isEqualTo(epochs(work.resolve("uncached")));  // every epoch's loss, trades, profit
        assertThat(Files.readString(work.resolve("cached/best.json")))
                .isEqualTo(Files.readString(work.resolve("uncached/best.json")));
        // the epochs differ, so equal losses are not an accident of a constant objective
        assertThat(withCache.stream().map(l -> l.split(" ")[2]).distinct().count()).isGreaterThan(1);
    }
}
