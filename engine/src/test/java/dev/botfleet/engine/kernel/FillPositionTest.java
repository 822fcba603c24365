package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The position handed to {@link KernelListener#onFill}: a snapshot marked at the last price for a listener that wants
 * it, none for one that says it does not read it (a backtest), which reads the quantity from the kernel instead.
 */
class FillPositionTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Buys 0.1 at market on the first tick and 0.1 more on the third. */
    static final class BuyTwice implements Strategy {
        int ticks;

        @Override
        public void onTick(StrategyContext ctx, Tick tick) {
            if (++ticks == 1 || ticks == 3) ctx.submit(OrderRequest.market(OrderSide.BUY, new BigDecimal("0.1")));
        }
    }

    static final class Listener implements KernelListener {
        final boolean wants;
        final List<PositionSnapshot> positions = new ArrayList<>();
        final List<BigDecimal> quantities = new ArrayList<>();
        BotKernel kernel;

        Listener(boolean wants) {
            this.wants = wants;
        }

        @Override public boolean wantsPositionOnFill() { return wants; }

        @Override
        public void onFill(Fill fill, PositionSnapshot position) {
            positions.add(position);
            quantities.add(kernel.positionQuantity());
        }
    }

    private static Listener run(boolean wants) {
        Listener listener = new Listener(wants);
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000"),
                "BTC", BigDecimal.ZERO));
        BotKernel k = BotKernel.builder("7", BTC, new BuyTwice()).exchange(sim::connect).matchOn(MatchingData.TICKS)
                .listener(listener).build();
        listener.kernel = k;
        k.start(T0);
        double[] prices = {1000, 1002, 1004, 1010};
        for (int i = 0; i < prices.length; i++) {
            k.onTick(new Tick("sim", BTC.symbol(), T0.plusSeconds(i + 1).toEpochMilli(), prices[i], 1));
        }
        return listener;
    }

    @Test
    void aListenerThatWantsThePositionGetsItMarkedAtTheLastPrice() {
        Listener l = run(true);

        assertThat(l.positions).hasSize(2);
        PositionSnapshot second = l.positions.get(1);
        assertThat(second.quantity()).isEqualByComparingTo("0.2");
        // filled at 1002 and 1010 (the trade after each order, no slippage), marked at the trade that filled it
        assertThat(second.averageEntryPrice()).isEqualByComparingTo("1006");
        assertThat(second.lastPrice()).isEqualByComparingTo("1010");
        assertThat(second.unrealizedPnl()).isEqualByComparingTo("0.8");
        assertThat(l.positions.get(0).lastPrice()).isEqualByComparingTo("1002");
        assertThat(l.quantities).containsExactly(new BigDecimal("0.1"), new BigDecimal("0.2"));
    }

    @Test
    void aListenerThatDoesNotGetsNoSnapshotButTheQuantityIsThere() {
        Listener l = run(false);

        assertThat(l.positions).containsExactly(null, null);
        assertThat(l.quantities).containsExactly(new BigDecimal("0.1"), new BigDecimal("0.2"));
    }
}
