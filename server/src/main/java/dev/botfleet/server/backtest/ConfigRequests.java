package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.CandleFiles;
import dev.botfleet.server.backtest.config.ConfigProblem;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.ConfigRunResolver;
import dev.botfleet.server.backtest.config.FreqtradeConfigException;
import dev.botfleet.server.common.Violations;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a POST /backtests body that carries a Freqtrade {@code config}: every problem becomes a field error named
 * {@code config.<path>} ({@code params.<name>} / {@code strategy} when the request's own fields set the value). The
 * pairs are read from the server's shipped datasets; a request cannot point the server at a directory.
 */
@Component
public class ConfigRequests {
    /** The single-symbol fields a config states itself. */
    private static final String NOT_WITH_CONFIG = "not used with config: the configuration states it";

    private final StrategyResolver strategies;
    private final Datasets datasets;
    private final JsonMapper json;

    public ConfigRequests(StrategyResolver strategies, Datasets datasets, JsonMapper json) {
        this.strategies = strategies;
        this.datasets = datasets;
        this.json = json;
    }

    public ConfigRun resolve(BacktestRequest r) {
        Violations v = new Violations();
        Map<String, Object> singleSymbol = new LinkedHashMap<>();
        singleSymbol.put("dataset", r.dataset());
        singleSymbol.put("fillModel", r.fillModel());
        singleSymbol.put("fee", r.fee());
        singleSymbol.put("balance", r.balance());
        singleSymbol.put("slippageTicks", r.slippageTicks());
        singleSymbol.put("stoploss", r.stoploss());
        singleSymbol.put("leverage", r.leverage());
        singleSymbol.put("fundingRates", r.fundingRates());
        singleSymbol.put("sweep", r.sweep() == null || r.sweep().isNull() ? null : r.sweep());
        singleSymbol.put("walkForward", r.walkForward() == null || r.walkForward().isNull() ? null : r.walkForward());
        singleSymbol.forEach((field, value) -> {
            if (value != null) v.add(field, NOT_WITH_CONFIG, null);
        });
        if (!(r.config() instanceof ObjectNode given)) {
            v.add("config", "must be a JSON object, the contents of a Freqtrade config.json", null);
            v.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        if (given.has("datadir")) {
            v.add("config.datadir", "not accepted over the API: the pairs come from the server's datasets"
                    + " (GET /api/v1/backtests/datasets)", null);
        }
        ObjectNode root = given.deepCopy();
        root.remove("datadir");
        if (r.strategy() != null) root.put("strategy", r.strategy());
        if (r.params() != null && !r.params().isEmpty()) {
            JsonNode existing = root.get("strategy_params");
            ObjectNode params = existing instanceof ObjectNode o ? o : root.putObject("strategy_params");
            r.params().forEach((k, value) -> params.set(k, json.valueToTree(value)));
        }
        ConfigRun run = null;
        try {
            run = ConfigRunResolver.resolve(root, "config", strategies, c -> CandleFiles.byStem(
                    "the server's datasets (GET /api/v1/backtests/datasets)",
                    stem -> datasets.find(stem).map(Datasets.Dataset::series).orElse(null)));
        } catch (FreqtradeConfigException e) {
            for (ConfigProblem p : e.problems()) v.add(field(p, r), p.message(), null);
        }
        v.throwIfAny();
        return run;
    }

    private static String field(ConfigProblem p, BacktestRequest r) {
        if (p.path().equals("strategy") && r.strategy() != null) return "strategy";
        if (p.path().startsWith("strategy_params.") && r.params() != null
                && r.params().containsKey(p.path().substring("strategy_params.".length()))) {
            return "params." + p.path().substring("strategy_params.".length());
        }
        return "config." + p.path();
    }
}
