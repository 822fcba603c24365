package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A kernel on a simulated exchange matches on one stream, the one it was told: ticks or candles, never both. */
class MatchingDataTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final Recorder rec = new Recorder();
    final SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000"),
            "BTC", BigDecimal.ZERO));

    /** Rests one buy limit at 990 at start. */
    static final class BuyAt990 implements Strategy {
        @Override
        public void onStart(StrategyContext ctx) {
            ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.1"), new BigDecimal("990.00")));
        }
    }

    @Test
    void aSimulatedExchangeWithoutMatchingDataIsRefusedAtBuild() {
        assertThatThrownBy(() -> BotKernel.builder("7", BTC, new BuyAt990()).exchange(sim::connect).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("matchOn(TICKS)");
    }

    @Test
    void aRealVenueNeedsNoMatchingData() {
        ExchangePort venue = new ExchangePort() {
            @Override public String exchange() { return "venue"; }
            @Override public void submit(OrderSnapshot order) { }
            @Override public void cancel(String clientOrderId) { }
            @Override public Optional<OrderReport> query(String clientOrderId) { return Optional.empty(); }
            @Override public Optional<dev.botfleet.engine.exchange.Balance> balance(String asset) { return Optional.empty(); }
        };
        assertThat(BotKernel.builder("7", BTC, new BuyAt990()).exchange(l -> venue).build()).isNotNull();
    }

    @Test
    void onTicksACandleThroughTheLimitFillsNothingButATradeBelowDoes() {
        BotKernel k = kernel(MatchingData.TICKS);
        k.onTick(tick(1, 1000));
        k.onCandle(candle(0, 1000, 1001, 950, 1000));  // the same minute's trades, already matched one by one
        assertThat(rec.fills).isEmpty();
        k.onTick(tick(61, 989));
        assertThat(rec.fills).as(String.valueOf(rec.activity)).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("990.00"));
    }

    @Test
    void onCandlesATradeFillsNothingButTheNextBarThroughTheLimitDoes() {
        BotKernel k = kernel(MatchingData.CANDLES);
        k.onTick(tick(1, 900));
        assertThat(rec.fills).isEmpty();
        k.onCandle(candle(0, 1000, 1001, 950, 1000));
        assertThat(rec.fills).as(String.valueOf(rec.activity)).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("990.00"));
    }

    @Test
    void onCandlesABarThatOpenedBeforeTheOrderCannotFillIt() {
        BotKernel k = BotKernel.builder("7", BTC, new BuyAt990()).exchange(sim::connect).matchOn(MatchingData.CANDLES)
                .journal(rec).listener(rec).build();
        k.start(T0.plusSeconds(30));                   // the order is accepted mid-bar
        k.onCandle(candle(0, 1000, 1001, 950, 1000));  // its low may have printed before 30 s
        assertThat(rec.fills).isEmpty();
        k.onCandle(candle(1, 1000, 1001, 980, 1000));
        assertThat(rec.fills).hasSize(1);
    }

    private BotKernel kernel(MatchingData matchOn) {
        BotKernel k = BotKernel.builder("7", BTC, new BuyAt990()).exchange(sim::connect).matchOn(matchOn)
                .journal(rec).listener(rec).build();
        k.start(T0);
        return k;
    }

    private static Tick tick(long second, double price) {
        return new Tick("sim", BTC.symbol(), T0.plusSeconds(second).toEpochMilli(), price, 1);
    }

    private static Candle candle(long minute, double open, double high, double low, double close) {
        return new Candle("sim", BTC.symbol(), Timeframe.M1, T0.plusSeconds(60 * minute).toEpochMilli(),
                open, high, low, close, 100);
    }
}
