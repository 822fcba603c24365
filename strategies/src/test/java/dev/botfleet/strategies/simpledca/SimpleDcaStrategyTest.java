package dev.botfleet.strategies.simpledca;

import dev.botfleet.engine.market.MarketAlert;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleDcaStrategyTest {
    static Harness bot(Map<String, ?> raw) {
        return Harness.of(SimpleDcaStrategy.definition(), SimpleDcaStrategy::new, raw).start();
    }

    @Test
    void buysOnScheduleUpToTheMaximumThenTakesProfit() {
        Harness h = bot(Map.of("intervalMinutes", 10, "orderAmount", "100", "maxPositionAmount", "250",
                "takeProfitPercent", "2"));
        h.tick(1, 1000).tick(2, 1000);           // first buy at start (on the first price), filled at 1000
        assertThat(h.fills(OrderSide.BUY)).hasSize(1);
        h.tick(599, 990);
        assertThat(h.fills(OrderSide.BUY)).hasSize(1);
        h.tick(601, 980);   // the timer at 10 min (T0 + 600 s) fires first; its market buy fills on this trade
        assertThat(h.fills(OrderSide.BUY)).extracting(Fill::price).map(p -> p.stripTrailingZeros().toPlainString())
                .containsExactly("1000", "980");
        assertThat(h.fills(OrderSide.BUY).get(1).quantity()).isEqualByComparingTo("0.10101");  // 100 / 990
        h.tick(1200, 970).tick(1201, 970);        // 200 spent: a third 100 would pass 250 → skipped
        assertThat(h.fills(OrderSide.BUY)).hasSize(2);
        // take profit: average (100 + 0.10101·980) / 0.20101 = 989.9497…; +2 % = 1009.7487… → 1009.75 (rounded up)
        assertThat(h.open()).singleElement().satisfies(o -> assertThat(o.price()).isEqualByComparingTo("1009.75"));
        h.tick(1300, 1010);
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));
        h.tick(1800, 1005).tick(1801, 1005);      // the schedule goes on after the deal
        assertThat(h.fills(OrderSide.BUY)).hasSize(3);
    }

    @Test
    void optionalStopLoss() {
        Harness h = bot(Map.of("intervalMinutes", 60, "stopLossPercent", "10"));
        h.tick(1, 1000).tick(2, 1000).tick(3, 899).tick(4, 899);
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS));
    }

    @Test
    void maximumBelowTheOrderAmountIsRefused() {
        assertThat(SimpleDcaStrategy.definition().validate(Map.of("orderAmount", "500", "maxPositionAmount", "100"))
                .violations()).extracting(v -> v.field() + ": " + v.message())
                .containsExactly("maxPositionAmount: must be at least orderAmount (500)");
    }

    static MarketAlert alert(Harness h, MarketAlert.Kind kind, String share) {
        return new MarketAlert(kind, "V2", new BigDecimal(share), "pending removal of " + share + " of the V2 pool",
                "0x1234", h.kernel.clock().plusSeconds(1));
    }

    @Test
    void aLiquidityPullAtTheThresholdSellsThePositionAtMarket() {
        Harness h = bot(Map.of("intervalMinutes", 60, "exitOnLiquidityPullPercent", "20"));
        h.tick(1, 1000).tick(2, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        h.kernel.onMarketAlert(alert(h, MarketAlert.Kind.LIQUIDITY_REMOVAL, "0.19999"));   // below 20 %
        h.kernel.onMarketAlert(alert(h, MarketAlert.Kind.SELL, "0.9"));                    // not a removal
        h.tick(10, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        h.kernel.onMarketAlert(alert(h, MarketAlert.Kind.LIQUIDITY_REMOVAL, "0.2"));
        h.tick(12, 995);
        assertThat(h.position()).isZero();
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.MARKET_ALERT));
        assertThat(h.activity).anyMatch(a -> a.startsWith("WARNING Market alert: pending removal of 0.2 of the V2 pool"
                + " (0x1234); selling the position"));
        h.kernel.onMarketAlert(alert(h, MarketAlert.Kind.LIQUIDITY_REMOVAL, "0.5"));       // flat: nothing to sell
        h.tick(14, 995);
        assertThat(h.fills(OrderSide.SELL)).hasSize(1);
    }

    @Test
    void offByDefault() {
        Harness h = bot(Map.of("intervalMinutes", 60));
        h.tick(1, 1000).tick(2, 1000);
        h.kernel.onMarketAlert(alert(h, MarketAlert.Kind.LIQUIDITY_REMOVAL, "1"));
        h.tick(10, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        assertThat(h.deals).isEmpty();
    }

    @Test
    void theThresholdIsLiveEditableAndRangeChecked() {
        Harness h = bot(Map.of("intervalMinutes", 60));
        h.tick(1, 1000).tick(2, 1000);
        h.kernel.reconfigure(SimpleDcaStrategy.definition().validate(Map.of("intervalMinutes", 60,
                "exitOnLiquidityPullPercent", "10")).config());
        h.kernel.onMarketAlert(alert(h, MarketAlert.Kind.LIQUIDITY_REMOVAL, "0.1"));
        h.tick(10, 1000);
        assertThat(h.position()).isZero();
        assertThat(SimpleDcaStrategy.definition().validate(Map.of("exitOnLiquidityPullPercent", "101")).violations())
                .extracting(v -> v.field()).containsExactly("exitOnLiquidityPullPercent");
    }
}
