package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.server.backtest.StrategySource;
import dev.botfleet.server.backtest.config.FreqtradeConfig;
import dev.botfleet.server.backtest.config.FreqtradeConfigParser;
import dev.botfleet.server.backtest.config.LoadedPairs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check before a config run is queued looks at every candle of every pair (not only the first 500), and the run
 * reuses what it recorded.
 */
class PrecheckTest {
    private static final long T0 = 1_704_067_200_000L;

    /** On candle {@code badAt} of the second pair (only) places a limit order, which no Freqtrade signal expresses. */
    private static StrategySource limitOrderAt(int badAt) {
        return new StrategySource("late-limit", null, (config, instrument) -> new Strategy() {
            int seen;

            @Override
            public void onCandle(StrategyContext ctx, Candle candle) {
                if (seen++ == badAt && instrument.symbol().equals("BBB/USDT")) {
                    ctx.submit(OrderRequest.limit(OrderSide.BUY, BigDecimal.ONE, BigDecimal.valueOf(candle.close() - 1)));
                }
            }
        });
    }

    private static LoadedPairs.Pair pair(String name, int n) {
        long[] t = new long[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 3_600_000L;
            p[i] = 100;
        }
        CandleSeries s = CandleSeries.of(Timeframe.H1, t, p, p.clone(), p.clone(), p.clone(), p.clone());
        return new LoadedPairs.Pair(name, name + ".json", s);
    }

    private static FreqtradeConfig config() {
        return FreqtradeConfigParser.parse(JsonMapper.builder().build().readTree("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["AAA/USDT", "BBB/USDT"]}"""), "config");
    }

    @Test
    void aLimitOrderAfterCandle500OfTheSecondPairIsRefusedBeforeTheRunAndTheRunReusesTheSignals() {
        LoadedPairs pairs = new LoadedPairs(Timeframe.H1, T0, null, 0, List.of(pair("AAA/USDT", 800),
                pair("BBB/USDT", 800)), List.of());
        SignalCache cache = EnginePortfolioBacktests.runCache(pairs);

        String refusal = EnginePortfolioBacktests.precheck(config(), pairs, limitOrderAt(650), Map.of(), cache);

        assertThat(refusal).contains("strategy: 'late-limit' cannot run from a Freqtrade config", "LIMIT");
        // a strategy that is fine: both pairs were recorded once, and the run finds them in the cache
        SignalCache fine = EnginePortfolioBacktests.runCache(pairs);
        assertThat(EnginePortfolioBacktests.precheck(config(), pairs, limitOrderAt(10_000), Map.of(), fine)).isNull();
        assertThat(fine.recordings()).isEqualTo(2);
        new EnginePortfolioBacktests(c -> null).run(config(), pairs, limitOrderAt(10_000), Map.of(),
                (done, total) -> { }, fine);
        assertThat(fine.recordings()).isEqualTo(2);
        assertThat(fine.hits()).isEqualTo(2);
    }
}
