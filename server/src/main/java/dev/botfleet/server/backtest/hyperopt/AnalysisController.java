package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.engine.backtest.analysis.LookaheadAnalysis;
import dev.botfleet.engine.backtest.analysis.LookaheadResult;
import dev.botfleet.engine.backtest.analysis.RecursiveAnalysis;
import dev.botfleet.engine.backtest.analysis.RecursiveResult;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.backtest.BacktestRequest;
import dev.botfleet.server.backtest.ConfigRequests;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.optimize.ConfigAnalyses;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Freqtrade's lookahead-analysis and recursive-analysis of a config's strategy, per pair, answered synchronously:
 * they re-record the strategy's signals on cut data (no fills, no portfolio), over the shipped datasets only, and the
 * work is capped ({@link #MAX_TARGET_TRADES} signals of each kind, {@link #MAX_STARTUP_COUNTS} startup counts), so a
 * request takes seconds at most and a job with polling would only add a round trip.
 */
@RestController
@RequestMapping("/api/v1/backtests/analysis")
public class AnalysisController {
    static final int MAX_TARGET_TRADES = 100;
    static final int MAX_STARTUP_COUNTS = 10;

    private final ConfigRequests configs;

    public AnalysisController(ConfigRequests configs) {
        this.configs = configs;
    }

    /** @param targetedTradeAmount entry and exit signals checked per pair, default 20 (Freqtrade's) */
    public record LookaheadRequest(JsonNode config, String strategy, Map<String, Object> params, Integer targetedTradeAmount) {
    }

    /** @param threshold percent; default 0.5 */
    public record RecursiveRequest(JsonNode config, String strategy, Map<String, Object> params,
                                   List<Integer> startupCandles, Double threshold) {
    }

    public record PairLookahead(String pair, LookaheadResult result) {
    }

    public record PairRecursive(String pair, RecursiveResult result) {
    }

    /** @param hasBias true when any pair's check found bias */
    public record LookaheadResponse(String strategy, boolean hasBias, List<PairLookahead> pairs) {
    }

    public record RecursiveResponse(String strategy, List<String> flaggedIndicators, List<PairRecursive> pairs) {
    }

    @PostMapping("/lookahead")
    public LookaheadResponse lookahead(CurrentUser user, @RequestBody LookaheadRequest r) {
        int target = r.targetedTradeAmount() == null ? LookaheadAnalysis.DEFAULT_TARGET_TRADES : r.targetedTradeAmount();
        if (target < 1 || target > MAX_TARGET_TRADES) {
            throw new ApiException.Invalid("targetedTradeAmount", "must be between 1 and " + MAX_TARGET_TRADES, target);
        }
        ConfigRun run = resolve(r.config(), r.strategy(), r.params());
        List<PairLookahead> pairs = ConfigAnalyses.lookahead(run, target).entrySet().stream()
                .map(e -> new PairLookahead(e.getKey(), e.getValue())).toList();
        return new LookaheadResponse(run.strategy().name(), pairs.stream().anyMatch(p -> p.result().hasBias()), pairs);
    }

    @PostMapping("/recursive")
    public RecursiveResponse recursive(CurrentUser user, @RequestBody RecursiveRequest r) {
        Violations v = new Violations();
        List<Integer> counts = r.startupCandles() == null ? RecursiveAnalysis.DEFAULT_STARTUP_CANDLES : r.startupCandles();
        if (counts.isEmpty() || counts.size() > MAX_STARTUP_COUNTS) {
            v.add("startupCandles", "give 1 to " + MAX_STARTUP_COUNTS + " startup candle counts", counts);
        } else if (counts.stream().anyMatch(c -> c == null || c < 1)) {
            v.add("startupCandles", "each count must be 1 or more", counts);
        }
        double threshold = r.threshold() == null ? 0.5 : r.threshold();
        if (!(threshold >= 0) || Double.isInfinite(threshold)) v.add("threshold", "must be 0 or more (percent)", r.threshold());
        v.throwIfAny();
        ConfigRun run = resolve(r.config(), r.strategy(), r.params());
        try {
            List<PairRecursive> pairs = ConfigAnalyses.recursive(run, counts, threshold).entrySet().stream()
                    .map(e -> new PairRecursive(e.getKey(), e.getValue())).toList();
            List<String> flagged = pairs.stream().flatMap(p -> p.result().flaggedIndicators().stream()).distinct().toList();
            return new RecursiveResponse(run.strategy().name(), flagged, pairs);
        } catch (IllegalArgumentException e) {  // too few candles for the largest count, named with the pair
            throw new ApiException.Invalid("startupCandles", e.getMessage(), counts);
        }
    }

    private ConfigRun resolve(JsonNode config, String strategy, Map<String, Object> params) {
        if (config == null) throw new ApiException.Invalid("config", "is required: a Freqtrade config.json object", null);
        return configs.resolve(new BacktestRequest(strategy, null, params, null, null, null, null, null, null, null, config));
    }
}
