package dev.botfleet.strategies.scalper;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scalper with firstOrder SELL on a perpetual: the sell opens a short from flat (no coins held), funding is paid to
 * the short, and the buy closes it reduce-only. Every figure worked by hand: fees 0.1 %, leverage 5.
 */
class ScalperPerpetualTest {
    static final Instrument PERP = ScalperTest.BTC.asPerpetual(new Derivative(new BigDecimal("0.001"), "USDT",
            new BigDecimal("50"), new BigDecimal("0.004")));
    static final Instant T0 = ScalperTest.T0;
    static final MarginSettings FIVE_X = new MarginSettings(new BigDecimal("5"), MarginMode.ISOLATED);

    final ScalperTest.Books books = new ScalperTest.Books();
    long second;

    BotKernel kernel(Instrument instrument, SimExchange sim, StrategyConfig config) {
        BotKernel k = BotKernel.builder("p1", instrument, new StrategyCatalog().create("scalper", config, instrument))
                .exchange(sim::connect).matchOn(MatchingData.TICKS).margin(FIVE_X).journal(books).listener(books)
                .state(KernelState.EMPTY).build();
        k.start(T0);
        return k;
    }

    void prices(BotKernel k, double... path) {
        for (double p : path) k.onTick(new Tick("sim", "BTC/USDT", T0.plusSeconds(++second).toEpochMilli(), p, 1));
    }

    @Test
    void sellFirstOpensAShortAndTheBuyClosesItWithExactPnlFeesAndFunding() {
        SimExchange sim = new SimExchange(PERP, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")), FIVE_X);
        BotKernel k = kernel(PERP, sim, ScalperTest.config("SELL", "0", false));
        assertThat(k.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        });
        prices(k, 64400, 64510);                   // through 64,500: the short opens, fee 0.645
        assertThat(k.position().quantity()).isEqualByComparingTo("-0.01");
        assertThat(k.position().side()).isEqualTo("SHORT");
        // 64,500 × (1 + 1/5 − 0.004), rounded down for a short
        assertThat(k.position().liquidationPrice()).isEqualByComparingTo("77142.00");
        // margin 0.01 × 64,500 / 5 = 129 locked
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("9870.355");

        k.onFundingRate(T0.plusSeconds(++second), new BigDecimal("0.0001"), new BigDecimal("64400"));  // +0.0644
        prices(k, 64100, 63990);                   // through 64,000: bought back, fee 0.64

        assertThat(books.deals).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Deal.Direction.SHORT);
            // (64,500 − 64,000) × 0.01 − (0.645 + 0.64) + 0.0644
            assertThat(d.pnl()).isEqualByComparingTo("3.7794");
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        });
        assertThat(k.position().isFlat()).isTrue();
        assertThat(k.position().funding()).isEqualByComparingTo("0.0644");
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("10003.7794");
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("10003.7794");
    }

    @Test
    void onSpotTheSameSellFirstNeedsTheCoins() {
        SimExchange spot = new SimExchange(ScalperTest.BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
        BotKernel k = kernel(ScalperTest.BTC, spot, ScalperTest.config("SELL", "0", false));
        assertThat(books.orders.values()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.DENIED);
            assertThat(o.reason()).startsWith("Selling 0.01 BTC needs 0.01 BTC, only 0 BTC is available");
        });
        assertThat(k.position().isFlat()).isTrue();
    }

    @Test
    void theDefinitionSaysTheScalperCanShort() {
        assertThat(ScalperDefinition.definition().canShort()).isTrue();
    }
}
