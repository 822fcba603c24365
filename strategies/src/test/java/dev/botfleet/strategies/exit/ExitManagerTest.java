package dev.botfleet.strategies.exit;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.signal.SignalParameters;
import dev.botfleet.strategies.signal.SignalStrategy;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The common exits, run through the kernel and simulated exchange by a strategy that enters once at market. */
class ExitManagerTest {
    static final StrategyDefinition DEF = SignalParameters.definition("enter-once", "test", "enters once",
            List.of(), List.of(), "0", "0");

    /** Enters on the first candle, never signals an exit. */
    static final class EnterOnce extends SignalStrategy {
        private boolean entered;

        EnterOnce(StrategyConfig config, Instrument instrument) { super(config, instrument, null); }

        @Override protected void update(Candle candle) { }

        @Override protected boolean entrySignal(Candle candle) {
            if (entered) return false;
            entered = true;
            return true;
        }

        @Override protected boolean exitSignal(Candle candle) { return false; }
    }

    /**
     * Starts, enters 100 USDT at 1000 (0.1 BTC): the buy is sent on the candle, filled by the tick at 61 s. The bot
     * matches on ticks as on paper, so the market is first seen trading (59 s) before the candle closes.
     */
    static Harness entered(Map<String, Object> exits) {
        Map<String, Object> raw = new LinkedHashMap<>(exits);
        Harness h = Harness.of(DEF, EnterOnce::new, raw).start();
        h.tick(59, 1000).close(0, 1000).tick(61, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        return h;
    }

    static Deal onlyDeal(Harness h) {
        assertThat(h.deals).hasSize(1);
        return h.deals.getFirst();
    }

    @Test
    void takeProfitRestsAsALimitAtTheTargetAndClosesTheDeal() {
        Harness h = entered(Map.of("takeProfitPercent", "1"));
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.price()).isEqualByComparingTo("1010.00");
            assertThat(o.quantity()).isEqualByComparingTo("0.1");
        });
        h.tick(70, 1009.99);
        assertThat(h.deals).isEmpty();
        h.tick(71, 1010.5);
        Deal d = onlyDeal(h);
        assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        assertThat(d.exitPrice()).isEqualByComparingTo("1010");
        assertThat(h.position()).isZero();
    }

    @Test
    void takeProfitStepsSellTheirShareEachAtItsTarget() {
        Harness h = entered(Map.of("takeProfitSteps", List.of(
                Map.of("amountPercent", 30, "profitPercent", 1),
                Map.of("amountPercent", 70, "profitPercent", 2))));
        assertThat(h.open()).extracting(OrderSnapshot::price, OrderSnapshot::quantity)
                .map(t -> t.toList().toString())
                .containsExactly("[1010.00, 0.03000]", "[1020.00, 0.07000]");
        h.tick(70, 1015);
        assertThat(h.position()).isEqualByComparingTo("0.07");
        assertThat(h.deals).isEmpty();
        h.tick(71, 1021);
        Deal d = onlyDeal(h);
        assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        assertThat(d.exitPrice()).isEqualByComparingTo("1017");  // 0.03 @1010 + 0.07 @1020
    }

    @Test
    void fixedStopLossSellsAtMarketBelowTheLevel() {
        Harness h = entered(Map.of("stopLossPercent", "2"));
        h.tick(70, 980.01);
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.tick(71, 979.99).tick(72, 979.0);  // the market sell fills at the next trade
        Deal d = onlyDeal(h);
        assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS);
        assertThat(d.exitPrice()).isEqualByComparingTo("979");
    }

    @Test
    void trailingStopLossFollowsTheHighAndClosesAsTrailingStop() {
        Harness h = entered(Map.of("stopLossPercent", "2", "stopLossType", "TRAILING"));
        h.tick(70, 1100).tick(71, 1078.5);   // 1100 * 0.98 = 1078: not yet
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.tick(72, 1077.9).tick(73, 1077.0);
        assertThat(onlyDeal(h).closeReason()).isEqualTo(CloseReason.TRAILING_STOP);
        assertThat(onlyDeal(h).pnl()).isPositive();
    }

    @Test
    void stopLossOnCandleCloseIgnoresTicks() {
        Harness h = entered(Map.of("stopLossPercent", "2", "stopLossTrigger", "CANDLE_CLOSE"));
        h.tick(70, 900).tick(71, 1000);  // a wick far below the stop: ignored
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.close(2, 975).tick(200, 975);
        assertThat(onlyDeal(h).closeReason()).isEqualTo(CloseReason.STOP_LOSS);
    }

    @Test
    void trailingTakeProfitArmsAtTheTargetAndSellsOnThePullback() {
        Harness h = entered(Map.of("takeProfitPercent", "1", "trailingTakeProfitPercent", "0.5"));
        assertThat(h.open()).isEmpty();   // the trailing step is watched, not placed
        h.tick(70, 1015).tick(71, 1030).tick(72, 1024.9);  // peak 1030: trigger 1024.85
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.tick(73, 1024.8).tick(74, 1024.8);
        Deal d = onlyDeal(h);
        assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        assertThat(d.exitPrice()).isEqualByComparingTo("1024.8");
    }

    @Test
    void timeLimitClosesTheDealAfterItsMinutes() {
        Harness h = entered(Map.of("timeLimitMinutes", 10L));
        h.tick(60 + 599, 1001);   // 9 min 58 s after the fill at 61 s
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.tick(61 + 600, 1001).tick(662, 1002);
        assertThat(onlyDeal(h).closeReason()).isEqualTo(CloseReason.TIME_LIMIT);
    }

    @Test
    void roiTableUsesTheTargetForTheDealsAgeNetOfFees() {
        Harness h = entered(Map.of("minimalRoi", Map.of("0", 0.05, "10", 0.01)));
        h.tick(61 + 300, 1030);   // +2.8% net: below the 5% of the first 10 minutes
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.tick(61 + 660, 1011);   // 1011*0.999/1001 - 1 = 0.0090: below 1%
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
        h.tick(61 + 661, 1013).tick(61 + 662, 1013);  // 0.0110
        assertThat(onlyDeal(h).closeReason()).isEqualTo(CloseReason.ROI);
    }

    @Test
    void aRestartedBotAdoptsItsPositionAndPlacesTheTakeProfitAgain() {
        Harness before = entered(Map.of("takeProfitPercent", "1"));
        java.util.Map<String, java.math.BigDecimal> balances = new LinkedHashMap<>();
        before.sim.balances().forEach((asset, b) -> balances.put(asset, b.total()));
        var state = new dev.botfleet.engine.kernel.KernelState(before.kernel.nextSequence(), List.of(), before.fills);
        StrategyConfig config = Harness.config(DEF, Map.of("takeProfitPercent", "1"));
        Harness after = new Harness(new EnterOnce(config, Harness.BTC), Harness.BTC, balances, state).start();
        assertThat(after.position()).isEqualByComparingTo("0.1");
        assertThat(after.open()).singleElement().satisfies(o -> {
            assertThat(o.price()).isEqualByComparingTo("1010.00");
            assertThat(o.quantity()).isEqualByComparingTo("0.1");
        });
        after.close(5, 1005).tick(400, 1011);    // no second entry; the take profit fills
        assertThat(after.fills(OrderSide.BUY)).isEmpty();
        assertThat(onlyDeal(after).closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
    }

    @Test
    void stopLossIsCheckedBeforeTheOtherExits() {
        Harness h = entered(Map.of("stopLossPercent", "1", "timeLimitMinutes", 1L));
        h.tick(200, 985).tick(201, 985);
        assertThat(onlyDeal(h).closeReason()).isEqualTo(CloseReason.STOP_LOSS);
    }
}
