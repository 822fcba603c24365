package dev.botfleet.strategies.external;

import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.engine.strategy.ExternalSignal.Action;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The signal strategy on the real kernel and simulated exchange (sim BTC/USDT: tick 0.01, lot 0.00001, min 5 USDT). */
class ExternalSignalStrategyTest {
    static Harness bot(Map<String, ?> raw) {
        return Harness.of(ExternalSignalDefinition.definition(), ExternalSignalStrategy::new, raw).start();
    }

    static ExternalSignal signal(Harness h, Action action, String price, String size, String id) {
        return new ExternalSignal(action, price == null ? null : new BigDecimal(price),
                size == null ? null : new BigDecimal(size), id, h.kernel.clock().plusSeconds(1));
    }

    static Harness send(Harness h, Action action, String price, String size) {
        h.kernel.onSignal(signal(h, action, price, size, null));
        return h;
    }

    @Test
    void buyPlacesAMarketOrderOfTheOrderAmountThatFillsOnTheNextTrade() {
        Harness h = bot(Map.of("orderAmount", "100"));
        h.tick(1, 1000);
        assertThat(h.open()).isEmpty();                       // nothing without a signal
        send(h, Action.BUY, null, null);
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.type()).isEqualTo(OrderType.MARKET);
            assertThat(o.quantity()).isEqualByComparingTo("0.1");   // 100 USDT / 1000
        });
        h.tick(3, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        assertThat(h.activity).anyMatch(a -> a.equals("INFO Signal buy: buying 0.10000 BTC at market"));
    }

    @Test
    void aHotReloadChangesTheNextSignalsAmountAndTheOpenLongsTakeProfit() {
        Harness h = bot(Map.of("orderAmount", "100", "takeProfitPercent", "2"));
        h.tick(1, 1000);
        send(h, Action.BUY, null, null).tick(3, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        h.kernel.reconfigure(ExternalSignalDefinition.definition()
                .validate(Map.of("orderAmount", "50", "takeProfitPercent", "5")).config());
        h.tick(4, 1000);
        assertThat(h.open()).singleElement().satisfies(o -> assertThat(o.price()).isEqualByComparingTo("1050.00"));
        send(h, Action.BUY, null, null).tick(6, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.15");   // 0.1 + 50 USDT / 1000, the position kept
    }

    @Test
    void closeExitsTheLongAtMarketWithCloseReasonSignal() {
        Harness h = bot(Map.of("orderAmount", "100"));
        h.tick(1, 1000);
        send(h, Action.BUY, null, "0.05").tick(3, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.05");
        send(h, Action.CLOSE, null, null).tick(5, 1010);
        assertThat(h.position()).isZero();
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL));
        send(h, Action.CLOSE, null, null);
        assertThat(h.activity.getLast()).isEqualTo("INFO Signal close: no position to close");
    }

    @Test
    void theSharedTakeProfitAndStopLossManageTheLong() {
        Harness tp = bot(Map.of("takeProfitPercent", "2"));
        tp.tick(1, 1000);
        send(tp, Action.BUY, null, "0.1").tick(3, 1000);
        assertThat(tp.open()).singleElement().satisfies(o -> {   // the take profit rests at +2 %
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.price()).isEqualByComparingTo("1020.00");
        });
        tp.tick(10, 1021);
        assertThat(tp.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));

        Harness sl = bot(Map.of("stopLossPercent", "5"));
        sl.tick(1, 1000);
        send(sl, Action.BUY, null, "0.1").tick(3, 1000).tick(4, 960).tick(5, 949).tick(6, 949);
        assertThat(sl.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS));
    }

    @Test
    void aPriceMakesALimitOrderRoundedToTheTickInTheTradersFavour() {
        Harness h = bot(Map.of());
        h.tick(1, 1000);
        send(h, Action.BUY, "990.129", "0.01");
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.LIMIT);
            assertThat(o.price()).isEqualByComparingTo("990.12");  // a buy never pays more than asked
            assertThat(o.quantity()).isEqualByComparingTo("0.01");
        });
        h.tick(3, 995);
        assertThat(h.position()).isZero();                          // resting below the market
        h.tick(4, 990.10);
        assertThat(h.position()).isEqualByComparingTo("0.01");
        send(h, Action.CLOSE, null, null);                           // nothing working to cancel; the long is sold
        h.tick(6, 990);
        assertThat(h.position()).isZero();
    }

    @Test
    void closeCancelsAWorkingEntry() {
        Harness h = bot(Map.of());
        h.tick(1, 1000);
        send(h, Action.BUY, "900", "0.01");
        assertThat(h.open()).hasSize(1);
        send(h, Action.CLOSE, null, null);
        assertThat(h.open()).isEmpty();
        assertThat(h.activity).contains("INFO Signal close: no position to close (canceled 1 working entry order)");
    }

    @Test
    void badSizesAreRefusedWithTheReasonAndPlaceNothing() {
        Harness h = bot(Map.of());
        h.tick(1, 1000);
        send(h, Action.BUY, null, "0.000001");   // rounds to 0 lots
        send(h, Action.BUY, null, "0.001");      // 1 USDT: below the 5 USDT minimum
        send(h, Action.BUY, null, "-1");
        assertThat(h.orders).isEmpty();
        assertThat(h.activity).filteredOn(a -> a.startsWith("WARNING Signal buy refused")).hasSize(3);
        assertThat(h.activity).anyMatch(a -> a.contains("size must be greater than 0, not -1"));
        assertThat(h.activity).anyMatch(a -> a.contains("is below the minimum order"));
    }

    @Test
    void sizeInQuoteIsConvertedAtTheLimitPrice() {
        Harness h = bot(Map.of("sizeUnit", "QUOTE"));
        h.tick(1, 1000);
        send(h, Action.BUY, "800", "100");
        assertThat(h.open()).singleElement().satisfies(o -> assertThat(o.quantity()).isEqualByComparingTo("0.125"));
    }

    @Test
    void aMarketSignalBeforeAnyPriceIsPlacedOnTheFirstPrice() {
        Harness h = bot(Map.of());
        send(h, Action.BUY, null, "0.01");
        assertThat(h.activity.getLast()).isEqualTo("INFO Signal buy: waiting for the first market price");
        assertThat(h.orders).isEmpty();
        h.tick(1, 1000).tick(2, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.01");
    }

    @Test
    void sellOnSpotIsRefused() {
        Harness h = bot(Map.of());
        h.tick(1, 1000);
        send(h, Action.SELL, null, "0.01");
        assertThat(h.orders).isEmpty();
        assertThat(h.activity.getLast()).isEqualTo("WARNING Signal sell refused: sell opens a short, which needs a "
                + "perpetual market; send close to exit a long");
    }

    @Test
    void sellOnAPerpetualOpensAShortThatCloseCovers() {
        Instrument perp = Harness.BTC.asPerpetual(new Derivative(new BigDecimal("0.001"), "USDT", new BigDecimal("50"),
                new BigDecimal("0.004")));
        var strategy = new ExternalSignalStrategy(Harness.config(ExternalSignalDefinition.definition(), Map.of()), perp);
        Harness h = new Harness(strategy, perp, Harness.usdt("10000"), KernelState.EMPTY, SimFillModel.DEFAULT).start();
        h.tick(1, 1000);
        send(h, Action.SELL, null, "0.1").tick(3, 1000);
        assertThat(h.position()).isEqualByComparingTo("-0.1");
        send(h, Action.BUY, null, "0.1");
        assertThat(h.activity.getLast()).contains("refused: the bot holds a short; send close first");
        send(h, Action.CLOSE, null, null).tick(5, 990);
        assertThat(h.position()).isZero();
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL));
    }

    @Test
    void aSignalReachesTheStrategyThroughTheBotsMailboxInOrder() {
        Harness h = bot(Map.of());
        BotRunner runner = new BotRunner(h.kernel, Runnable::run, (e, ex) -> { throw ex; });
        h.tick(1, 1000);
        runner.send(new BotCommand.Signal(signal(h, Action.BUY, null, "0.01", "tv-1")));
        h.tick(3, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.01");
        assertThat(h.activity).anyMatch(a -> a.equals("INFO Signal buy (id tv-1): buying 0.01000 BTC at market"));
        runner.send(new BotCommand.StopBot("test"));
        runner.send(new BotCommand.Signal(signal(h, Action.CLOSE, null, null, "tv-2")));
        assertThat(h.activity.getLast()).isEqualTo("WARNING Signal close (id tv-2) ignored: the bot is not running");
    }

    @Test
    void aRestartRebuildsFromTheJournalWithoutExecutingTheSignalAgain() {
        Harness h = bot(Map.of("takeProfitPercent", "2"));
        h.tick(1, 1000);
        send(h, Action.BUY, null, "0.01").tick(3, 1000);
        assertThat(h.fills).hasSize(1);
        // the journal holds the fill (and the take profit, canceled here as a restart's reconciliation would not care)
        KernelState journal = new KernelState(h.kernel.nextSequence(), List.of(), List.copyOf(h.fills));
        Map<String, BigDecimal> balances = new HashMap<>(Harness.usdt("99990"));
        balances.put("BTC", new BigDecimal("0.01"));
        Harness restarted = new Harness(new ExternalSignalStrategy(Harness.config(ExternalSignalDefinition.definition(),
                Map.of("takeProfitPercent", "2")), Harness.BTC), Harness.BTC, balances, journal).start();
        restarted.tick(10, 1000).tick(11, 1000);
        assertThat(restarted.position()).isEqualByComparingTo("0.01");
        assertThat(restarted.latestOrders()).singleElement().satisfies(o -> {   // only the take profit, placed again
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.price()).isEqualByComparingTo("1020.00");
        });
        assertThat(restarted.fills(OrderSide.BUY)).isEmpty();
    }

    @Test
    void aStrategyThatTakesNoSignalsIgnoresThemWithAWarning() {
        Map<String, Object> raw = new HashMap<>(Map.of("intervalMinutes", 60));
        Harness h = Harness.of(dev.botfleet.strategies.simpledca.SimpleDcaStrategy.definition(),
                dev.botfleet.strategies.simpledca.SimpleDcaStrategy::new, raw).start();
        h.kernel.onSignal(signal(h, Action.BUY, null, null, null));
        assertThat(h.activity.getLast()).isEqualTo("WARNING Signal buy ignored: this strategy does not take signals");
    }

    @Test
    void theDefinitionOffersTheSharedExitsAndShorts() {
        var d = ExternalSignalDefinition.definition();
        assertThat(d.id()).isEqualTo("signal");
        assertThat(d.canShort()).isTrue();
        assertThat(d.parameters()).extracting(p -> p.name()).contains("orderAmount", "sizeUnit", "takeProfitPercent",
                "stopLossPercent", "trailingTakeProfitPercent");
        assertThat(d.validate(Map.of("trailingTakeProfitPercent", "1")).violations()).isNotEmpty();
    }
}
