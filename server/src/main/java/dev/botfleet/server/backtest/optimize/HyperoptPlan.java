package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension;
import dev.botfleet.engine.backtest.optimize.GridSampler;
import dev.botfleet.engine.backtest.optimize.Hyperopt;
import dev.botfleet.engine.backtest.optimize.HyperoptLoss;
import dev.botfleet.engine.backtest.optimize.HyperoptOptions;
import dev.botfleet.engine.backtest.optimize.HyperoptProgress;
import dev.botfleet.engine.backtest.optimize.RandomSampler;
import dev.botfleet.engine.backtest.optimize.RoiSpace;
import dev.botfleet.engine.backtest.optimize.Sampler;
import dev.botfleet.engine.backtest.optimize.TpeSampler;
import dev.botfleet.engine.backtest.optimize.TrailingSpace;
import dev.botfleet.engine.backtest.optimize.Trial;
import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.PortfolioBacktests;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hyperopt run of a checked config, as the command line and REST state it: which spaces, which loss, how many
 * epochs, which sampler and seed. Builds the engine's {@link Hyperopt} and turns its best trial into Freqtrade's
 * result blocks (strategy parameters, minimal_roi, stoploss, trailing).
 *
 * <p>Memory bound: one trial holds its own copy of every pair's candle columns, signal and indicator columns and the
 * portfolio's trades; {@link #BYTES_PER_CANDLE} = 256 bytes per loaded candle (6 price/volume/time columns of 8 bytes,
 * filled-gap copies, 2-4 signal flags and up to ~20 indicator doubles, rounded up) is the estimate. Trials in flight =
 * min(threads, (max heap / 2) / (candles × 256 B)); so a 10-pair year of 5m candles (~1 M candles, ~256 MB a trial)
 * runs 2 trials at once in a 1 GB heap. Recorded signals are shared between trials ({@link SignalCache#forHeap}: at
 * most 1024 parameter-set × pair recordings in an eighth of the max heap, least recently used dropped first); the
 * estimate above still counts them per trial, so it errs on the safe side.
 */
public record HyperoptPlan(ConfigRun run, List<Dimension> space, HyperoptLoss loss, String samplerName, int epochs,
                           long seed, int threads, int minTrades) {
    public static final long BYTES_PER_CANDLE = 256;
    public static final List<String> SAMPLERS = List.of("tpe", "random", "grid");

    /** The sampler by its command-line name; {@code where} names the option or field for the error. */
    public static Sampler sampler(String name, String where) {
        return switch (name) {
            case "tpe" -> new TpeSampler();
            case "random" -> new RandomSampler();
            case "grid" -> new GridSampler();
            default -> throw new IllegalArgumentException(where + ": unknown sampler '" + name + "'; known: " + SAMPLERS);
        };
    }

    public long estimatedBytesPerTrial() {
        long candles = 0;
        for (var p : run.pairs().pairs()) candles += p.candles().size();
        return Math.max(1, candles) * BYTES_PER_CANDLE;
    }

    public Hyperopt hyperopt(PortfolioBacktests portfolio, Path checkpoint, HyperoptProgress progress) {
        return hyperopt(portfolio, checkpoint, progress, SignalCache.forHeap(Runtime.getRuntime().maxMemory()));
    }

    /** The run with its trials sharing {@code signals} ({@link SignalCache#NONE}: every trial records its own). */
    public Hyperopt hyperopt(PortfolioBacktests portfolio, Path checkpoint, HyperoptProgress progress,
                             SignalCache signals) {
        HyperoptOptions options = HyperoptOptions.of(epochs).withThreads(threads).withSeed(seed).withMinTrades(minTrades)
                .withMemoryBound(Runtime.getRuntime().maxMemory() / 2, estimatedBytesPerTrial())
                .withCheckpoint(checkpoint).withProgress(progress);
        return new Hyperopt(space, sampler(samplerName, "sampler"), loss, new TrialObjective(run, portfolio, signals), options);
    }

    /** The best trial as Freqtrade prints it: params, minimal_roi, stoploss, trailing (only the spaces searched). */
    public Map<String, Object> best(Trial best) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", run.strategy().name());
        out.put("loss_function", loss.name());
        out.put("epoch", best.index() + 1);
        out.put("loss", Double.isFinite(best.loss()) ? best.loss() : null);
        out.put("trades", best.summary().trades());
        out.put("wins", best.summary().wins());
        out.put("profit_total_abs", best.summary().profitAbs());
        out.put("profit_total", best.summary().profitTotal());
        Map<String, Object> params = new LinkedHashMap<>();
        best.params().forEach((k, v) -> { if (!TrialObjective.isFreqtradeSpace(k)) params.put(k, v); });
        if (!params.isEmpty()) out.put("params", params);
        if (best.params().containsKey("roi_t1")) {
            Map<String, Object> roi = new LinkedHashMap<>();
            RoiSpace.table(best.params()).forEach((minutes, ratio) -> roi.put(String.valueOf(minutes), ratio));
            out.put("minimal_roi", roi);
        }
        if (best.params().containsKey("stoploss")) out.put("stoploss", best.params().get("stoploss"));
        if (best.params().containsKey("trailing_stop")) {
            TrailingSpace.TrailingParams t = TrailingSpace.params(best.params());
            Map<String, Object> trailing = new LinkedHashMap<>();
            trailing.put("trailing_stop", t.trailingStop());
            trailing.put("trailing_stop_positive", t.trailingStopPositive());
            trailing.put("trailing_stop_positive_offset", t.trailingStopPositiveOffset());
            trailing.put("trailing_only_offset_is_reached", t.trailingOnlyOffsetIsReached());
            out.put("trailing", trailing);
        }
        return out;
    }
}
