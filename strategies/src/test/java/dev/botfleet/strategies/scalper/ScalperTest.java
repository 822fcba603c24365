package dev.botfleet.strategies.scalper;

import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.kernel.OrderJournal;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scalper on hand-built price paths, through the real kernel and simulated exchange. */
class ScalperTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Journal + listener that keep what a database would. */
    static final class Books implements OrderJournal, KernelListener {
        final Map<String, OrderSnapshot> orders = new LinkedHashMap<>();
        final List<Fill> fills = new ArrayList<>();
        final List<Deal> deals = new ArrayList<>();
        final List<String> stops = new ArrayList<>();
        final List<String> log = new ArrayList<>();

        @Override public void recordNew(OrderSnapshot o) { orders.put(o.clientOrderId(), o); }
        @Override public void recordEvent(OrderSnapshot o, OrderEvent e) { orders.put(o.clientOrderId(), o); }
        @Override public void recordFill(OrderSnapshot o, Fill f) { orders.put(o.clientOrderId(), o); fills.add(f); }
        @Override public void onDealCompleted(Deal d) { deals.add(d); }
        @Override public void onStopped(String reason, boolean error) { stops.add(reason); }
        @Override public void onActivity(ActivityEntry e) { log.add(e.message()); }
        @Override public void onFill(Fill fill, PositionSnapshot position) { }

        List<OrderSnapshot> open() {
            return orders.values().stream().filter(o -> !o.status().isTerminal()).toList();
        }
    }

    final Books books = new Books();
    SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT,
            Map.of("USDT", new BigDecimal("10000"), "BTC", new BigDecimal("0.05")));
    long second;

    static StrategyConfig config(String first, String trailing, boolean loop) {
        return ScalperDefinition.definition().validate(Map.of("firstOrder", first, "quantity", "0.01",
                "buyPrice", "64000", "sellPrice", "64500", "trailingPercent", trailing, "infiniteLoop", loop)).config();
    }

    BotKernel kernel(StrategyConfig config, KernelState state) {
        BotKernel k = BotKernel.builder("s1", BTC, new StrategyCatalog().create("scalper", config, BTC))
                .exchange(sim::connect).matchOn(MatchingData.TICKS).journal(books).listener(books).state(state).build();
        k.start(T0);
        return k;
    }

    void prices(BotKernel k, double... path) {
        for (double p : path) k.onTick(new Tick("sim", "BTC/USDT", T0.plusSeconds(++second).toEpochMilli(), p, 1));
    }

    @Test
    void buysAtBuyPriceThenSellsAtSellPriceAndLoops() {
        BotKernel k = kernel(config("BUY", "0", true), KernelState.EMPTY);
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.price()).isEqualByComparingTo("64000");
        });
        prices(k, 64200, 64100, 63990);                 // trades through 64000: the buy fills
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.price()).isEqualByComparingTo("64500");
            assertThat(o.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        });
        prices(k, 64300, 64510);                        // through 64500: the sell fills
        assertThat(books.deals).singleElement().satisfies(d -> {
            // (64500 - 64000) * 0.01 - (0.64 + 0.645) fees = 5 - 1.285 = 3.715
            assertThat(d.pnl()).isEqualByComparingTo("3.715");
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        });
        assertThat(k.position().realizedPnl()).isEqualByComparingTo("3.715");
        assertThat(k.position().quantity()).isEqualByComparingTo("0");
        // infinite loop: the next buy is already resting
        assertThat(k.openOrders()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(OrderSide.BUY));
        assertThat(k.isRunning()).isTrue();
        assertThat(books.log).contains("Bought 0.01000 BTC at 64,000.00 on sim", "Sold 0.01000 BTC at 64,500.00 on sim",
                "Round trip closed (take profit): +3.72 USDT");
    }

    @Test
    void withoutLoopTheBotStopsAfterOneRoundTrip() {
        BotKernel k = kernel(config("BUY", "0", false), KernelState.EMPTY);
        prices(k, 63990, 64510);
        assertThat(books.deals).hasSize(1);
        assertThat(books.stops).containsExactly("one round trip completed");
        assertThat(k.isRunning()).isFalse();
        assertThat(k.openOrders()).isEmpty();
        assertThat(books.fills).hasSize(2);
    }

    @Test
    void sellFirstSellsHighThenBuysBack() {
        BotKernel k = kernel(config("SELL", "0", false), KernelState.EMPTY);
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.price()).isEqualByComparingTo("64500");
        });
        prices(k, 64400, 64510);
        assertThat(k.position().quantity()).isEqualByComparingTo("-0.01");
        assertThat(k.openOrders()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(OrderSide.BUY));
        prices(k, 63990);
        assertThat(books.deals).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Deal.Direction.SHORT);
            assertThat(d.pnl()).isEqualByComparingTo("3.715");
        });
        assertThat(sim.balance("BTC").orElseThrow().total()).isEqualByComparingTo("0.05");
    }

    @Test
    void trailingExitRidesTheMoveAndSellsAtMarketOnTheRetrace() {
        BotKernel k = kernel(config("BUY", "1", false), KernelState.EMPTY);
        prices(k, 64100, 63990);                          // the buy rests, then fills at 64000 as maker
        assertThat(k.position().averageEntryPrice()).isEqualByComparingTo("64000");
        assertThat(k.openOrders()).isEmpty();             // no resting exit while trailing
        prices(k, 64400, 64600, 65000, 64400);            // reached 64500, best 65000; 64400 is -0.92%: hold
        assertThat(k.openOrders()).isEmpty();
        prices(k, 64349);                                 // 65000 * 0.99 = 64350: retraced, market sell
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.MARKET);
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
        });
        prices(k, 64340);                                 // the market order fills at the next trade
        assertThat(books.deals).singleElement().satisfies(d -> {
            assertThat(d.closeReason()).isEqualTo(CloseReason.TRAILING_STOP);
            assertThat(d.exitPrice()).isEqualByComparingTo("64340");
            // (64340 - 64000) * 0.01 - (0.64 + 0.6434) = 3.4 - 1.2834 = 2.1166
            assertThat(d.pnl()).isEqualByComparingTo("2.1166");
        });
        assertThat(books.stops).containsExactly("one round trip completed");
    }

    @Test
    void aTrailingExitFilledInPartsKeepsExitingUntilFlat() {
        // each trade may fill half its size: 0.01 BTC trades fill 0.005 of an order
        sim = new SimExchange(BTC, new SimFillModel(false, 0, 0.5),
                Map.of("USDT", new BigDecimal("10000"), "BTC", new BigDecimal("0.05")));
        BotKernel k = kernel(config("BUY", "1", false), KernelState.EMPTY);
        for (double p : new double[] {64100, 63990, 63990, 64600, 63900, 63900, 63900}) {
            k.onTick(new Tick("sim", "BTC/USDT", T0.plusSeconds(++second).toEpochMilli(), p, 0.01));
        }
        assertThat(k.position().quantity()).isEqualByComparingTo("0");
        assertThat(books.deals).singleElement().satisfies(d -> {
            assertThat(d.closeReason()).isEqualTo(CloseReason.TRAILING_STOP);
            assertThat(d.exitPrice()).isEqualByComparingTo("63900");
        });
        assertThat(books.fills).hasSize(4);   // entry in two halves, exit in two halves
        assertThat(books.stops).containsExactly("one round trip completed");
    }

    @Test
    void restartWithTheExitRestingPlacesNothingNew() {
        BotKernel first = kernel(config("BUY", "0", true), KernelState.EMPTY);
        prices(first, 63990);
        assertThat(books.open()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(OrderSide.SELL));
        int ordersBefore = books.orders.size();

        // restart: same exchange state, kernel rebuilt from the books
        KernelState state = new KernelState(first.nextSequence(), books.open(), books.fills);
        BotKernel second = kernel(config("BUY", "0", true), state);
        assertThat(books.orders).hasSize(ordersBefore);
        assertThat(second.openOrders()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(OrderSide.SELL));
        prices(second, 64510);
        assertThat(books.deals).hasSize(1);
        assertThat(second.openOrders()).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(OrderSide.BUY));
    }

    @Test
    void restartHoldingInventoryWithoutAnExitPlacesTheExit() {
        BotKernel first = kernel(config("BUY", "0", true), KernelState.EMPTY);
        prices(first, 63990);
        OrderSnapshot exit = books.open().getFirst();
        first.cancel(exit.clientOrderId());              // as if the exit had never been placed
        books.stops.clear();

        KernelState state = new KernelState(first.nextSequence(), books.open(), books.fills);
        BotKernel second = kernel(config("BUY", "0", true), state);
        assertThat(second.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.quantity()).isEqualByComparingTo("0.01");
            assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        });
    }

    /** A live venue took its fee in BTC: the bot holds 0.009999 of the 0.01 it bought, which is not on the lot grid. */
    @Test
    void restartHoldingInventoryOffTheLotGridExitsWhatTheLotGridAllows() {
        Fill entry = new Fill("s1", "s1-1", "t1", "sim", "BTC/USDT", OrderSide.BUY, new BigDecimal("64000.00"),
                new BigDecimal("0.01"), new BigDecimal("0.000001"), "BTC", dev.botfleet.engine.order.Liquidity.MAKER,
                BigDecimal.ZERO, T0);
        BotKernel k = kernel(config("BUY", "0", true), new KernelState(2, List.of(), List.of(entry)));

        assertThat(k.position().quantity()).isEqualByComparingTo("0.009999");
        assertThat(books.stops).isEmpty();
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.quantity()).isEqualByComparingTo("0.00999");  // 0.009999 rounded down to the lot
        });
    }

    @Test
    void restartWithLessThanALotLeftStartsOverWithTheEntry() {
        Fill entry = new Fill("s1", "s1-1", "t1", "sim", "BTC/USDT", OrderSide.BUY, new BigDecimal("64000.00"),
                new BigDecimal("0.00001"), new BigDecimal("0.000001"), "BTC", dev.botfleet.engine.order.Liquidity.MAKER,
                BigDecimal.ZERO, T0);
        BotKernel k = kernel(config("BUY", "0", true), new KernelState(2, List.of(), List.of(entry)));

        assertThat(books.stops).isEmpty();
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.quantity()).isEqualByComparingTo("0.01");
        });
    }

    @Test
    void aDeniedEntryEndsTheBotWithTheReason() {
        sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("100")));
        BotKernel k = kernel(config("BUY", "0", true), KernelState.EMPTY);
        assertThat(k.isRunning()).isFalse();
        assertThat(books.stops).singleElement().satisfies(s -> assertThat(s).startsWith("order denied: Buying 0.01 BTC"));
    }
}
