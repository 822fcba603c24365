package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.engine.backtest.optimize.Dimension;
import dev.botfleet.engine.backtest.optimize.HyperoptLoss;
import dev.botfleet.server.backtest.BacktestRequest;
import dev.botfleet.server.backtest.ConfigRequests;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.optimize.HyperoptPlan;
import dev.botfleet.server.backtest.optimize.HyperoptSpaces;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Checks a POST /hyperopts body into a {@link HyperoptPlan}; every problem is a 400 naming its field. */
@Component
public class HyperoptRequests {
    private final ConfigRequests configs;
    private final int maxEpochs;
    private final int threads;

    public HyperoptRequests(ConfigRequests configs, @Value("${botfleet.hyperopt.max-epochs:5000}") int maxEpochs,
                            @Value("${botfleet.hyperopt.threads:0}") int threads) {
        this.configs = configs;
        this.maxEpochs = maxEpochs;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public HyperoptPlan resolve(HyperoptRequest r) {
        Violations v = new Violations();
        HyperoptLoss loss = null;
        try {
            loss = HyperoptLoss.named(r.loss() == null ? "SharpeHyperOptLoss" : r.loss());
        } catch (IllegalArgumentException e) {
            v.add("loss", e.getMessage().replaceFirst("^hyperopt loss: ", ""), r.loss());
        }
        int epochs = r.epochs() == null ? 100 : r.epochs();
        if (epochs < 1 || epochs > maxEpochs) v.add("epochs", "must be between 1 and " + maxEpochs, r.epochs());
        String sampler = r.sampler() == null ? "tpe" : r.sampler();
        if (!HyperoptPlan.SAMPLERS.contains(sampler)) v.add("sampler", "must be one of " + HyperoptPlan.SAMPLERS, sampler);
        int minTrades = r.minTrades() == null ? 1 : r.minTrades();
        if (minTrades < 1) v.add("minTrades", "must be at least 1", r.minTrades());
        if (r.spaces() == null || r.spaces().isEmpty()) v.add("spaces", "is required: some of " + HyperoptSpaces.KNOWN, null);
        if (r.config() == null) v.add("config", "is required: a Freqtrade config.json object", null);
        v.throwIfAny();
        ConfigRun run = configs.resolve(new BacktestRequest(r.strategy(), null, r.params(), null, null, null, null, null,
                null, null, r.config()));
        int minutes = (int) (run.pairs().timeframe().millis() / 60_000L);
        List<Dimension> space;
        try {
            space = HyperoptSpaces.build(r.spaces(), "spaces", minutes, run.strategy().definition(),
                    run.config().strategyParams(), r.paramRanges() == null ? Map.of() : r.paramRanges(), "paramRanges");
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String field = message.startsWith("paramRanges ") ? "paramRanges." + message.substring(12, colon)
                    : message.substring(0, colon);
            throw new ApiException.Invalid(field, message.substring(colon + 2), null);
        }
        return new HyperoptPlan(run, space, loss, sampler, epochs, r.seed() == null ? 0 : r.seed(), threads, minTrades);
    }
}
