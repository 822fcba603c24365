package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.FundingRates;
import dev.botfleet.engine.data.CandleDataException;
import dev.botfleet.engine.data.FundingRateLoader;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.backtest.FillModel;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.server.common.Violations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Checks a POST /backtests body against the catalog and the datasets, collecting every problem by field. */
@Component
public class BacktestRequests {
    private static final BigDecimal MAX_BALANCE = new BigDecimal("1000000000000");

    private final StrategyResolver strategies;
    private final Datasets datasets;
    private final SweepRequests sweeps;
    private final List<OwnerStrategies> ownerStrategies;

    public BacktestRequests(StrategyResolver strategies, Datasets datasets, SweepRequests sweeps,
                            ObjectProvider<OwnerStrategies> ownerStrategies) {
        this.strategies = strategies;
        this.datasets = datasets;
        this.sweeps = sweeps;
        this.ownerStrategies = ownerStrategies.orderedStream().toList();
    }

    /** A checked single-symbol run; {@code sweep} is null for one backtest. */
    public record Resolved(BacktestJob job, SweepPlan sweep) {
    }

    public BacktestJob resolve(BacktestRequest r) {
        return resolveRun(null, r).job();
    }

    /** @param ownerId the requesting user; null when nobody owns the run (a strategy that needs an owner is refused) */
    public Resolved resolveRun(UUID ownerId, BacktestRequest r) {
        Violations v = new Violations();
        StrategySource source = null;
        String strategyId = v.text("strategy", r.strategy(), 64);
        OwnerStrategies owned = null;
        if (strategyId != null && ownerId != null) {
            for (OwnerStrategies o : ownerStrategies) {
                Optional<StrategySource> found = o.resolve(ownerId, strategyId);
                if (found.isPresent()) {
                    source = found.get();
                    owned = o;
                    break;
                }
            }
        }
        if (strategyId != null && source == null) {
            try {
                source = strategies.resolve(strategyId);
            } catch (IllegalArgumentException e) {
                v.add("strategy", e.getMessage().replaceFirst("^--strategy: ", ""), r.strategy());
            }
        }
        Datasets.Dataset dataset = null;
        String datasetId = v.text("dataset", r.dataset(), 100);
        if (datasetId != null) {
            dataset = datasets.find(datasetId).orElse(null);
            if (dataset == null) {
                v.add("dataset", "unknown dataset; known: " + String.join(", ",
                        datasets.list().stream().map(Datasets.Dataset::id).toList()), r.dataset());
            }
        }
        FillModel model = FillModel.REALISTIC;
        if (r.fillModel() != null) {
            try {
                model = FillModel.parse(r.fillModel());
            } catch (IllegalArgumentException e) {
                v.add("fillModel", e.getMessage().replaceFirst("^fill model ", ""), r.fillModel());
            }
        }
        BigDecimal fee = decimal(v, "fee", r.fee(), BacktestJob.DEFAULT_FEE);
        if (fee != null && (fee.signum() < 0 || fee.compareTo(new BigDecimal("0.1")) > 0)) {
            v.add("fee", "must be between 0 and 0.1 (a fraction: 0.001 = 0.1%)", r.fee());
        }
        BigDecimal balance = decimal(v, "balance", r.balance(), BacktestJob.DEFAULT_BALANCE);
        if (balance != null && (balance.signum() <= 0 || balance.compareTo(MAX_BALANCE) > 0)) {
            v.add("balance", "must be greater than 0 and at most " + MAX_BALANCE.toPlainString(), r.balance());
        }
        BigDecimal slippage = decimal(v, "slippageTicks", r.slippageTicks(), BigDecimal.ZERO);
        if (slippage != null && (slippage.stripTrailingZeros().scale() > 0 || slippage.signum() < 0
                || slippage.compareTo(BigDecimal.valueOf(1000)) > 0)) {
            v.add("slippageTicks", "must be a whole number between 0 and 1000", r.slippageTicks());
        }
        BigDecimal stoploss = decimal(v, "stoploss", r.stoploss(), BigDecimal.ONE.negate());
        if (stoploss != null && (stoploss.compareTo(BigDecimal.ONE.negate()) < 0 || stoploss.signum() >= 0)) {
            v.add("stoploss", "must be a negative ratio from -1 up to (not including) 0, e.g. -0.1 for 10%", r.stoploss());
        }
        MarginSettings margin = null;
        FundingRates funding = FundingRates.NONE;
        if (r.leverage() != null) {
            BigDecimal leverage = decimal(v, "leverage", r.leverage(), null);
            if (leverage != null && (leverage.compareTo(BigDecimal.ONE) < 0
                    || leverage.compareTo(BacktestJob.MAX_LEVERAGE) > 0)) {
                v.add("leverage", "must be between 1 and " + BacktestJob.MAX_LEVERAGE, r.leverage());
            } else if (leverage != null && model != FillModel.REALISTIC) {
                v.add("leverage", "perpetuals are backtested with the realistic fill model only", r.leverage());
            } else if (leverage != null) {
                margin = new MarginSettings(leverage, MarginMode.ISOLATED);
            }
        }
        if (r.fundingRates() != null && !r.fundingRates().isBlank()) {
            if (r.leverage() == null) {
                v.add("fundingRates", "only a perpetual run (with leverage) books funding", null);
            } else {
                try {
                    funding = FundingRateLoader.parse("fundingRates", r.fundingRates());
                } catch (CandleDataException e) {
                    v.add("fundingRates", e.getMessage(), null);
                }
            }
        }
        Map<String, Object> params = null;
        if (source != null && dataset != null) {
            try {
                params = source.forData(r.params() == null ? Map.of() : r.params(), dataset.series().timeframe());
                source.configure(params);
                if (owned != null) {
                    Map<String, Object> checked = params;
                    owned.problems(ownerId, strategyId, params)
                            .forEach((name, problem) -> v.add("params." + name, problem, checked.get(name)));
                }
            } catch (StrategySource.InvalidParameters e) {
                for (ParameterViolation pv : e.violations()) {
                    v.add("params." + pv.field(), pv.message(), pv.rejectedValue());
                }
            }
        }
        SweepPlan sweep = sweeps.resolve(r.sweep(), r.walkForward(), source, params,
                dataset == null ? 0 : dataset.series().size(), v);
        v.throwIfAny();
        return new Resolved(new BacktestJob(source, params, dataset.symbol(), dataset.id(), dataset.series(), model, fee, balance,
                slippage.intValueExact(), BacktestJob.DEFAULT_TICK, BacktestJob.DEFAULT_LOT, stoploss.doubleValue(),
                margin, funding), sweep);
    }

    private static BigDecimal decimal(Violations v, String field, Object value, BigDecimal fallback) {
        if (value == null) return fallback;
        try {
            if (value instanceof BigDecimal d) return d;
            if (value instanceof Number n) return new BigDecimal(n.toString());
            if (value instanceof String s) return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            // fall through
        }
        v.add(field, "must be a number", value);
        return null;
    }
}
