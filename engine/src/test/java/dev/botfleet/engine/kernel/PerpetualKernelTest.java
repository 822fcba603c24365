package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.sim.SimMarkets;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A perpetual on the simulated exchange, through the kernel: a short opened from flat, funding, a reduce-only close,
 * with every figure worked by hand (BTC/USDT perpetual, fees 0.1 %, leverage 10, maintenance margin 0.5 %).
 */
class PerpetualKernelTest {
    static final Instrument PERP = SimMarkets.find("BTC/USDT").orElseThrow().instrument()
            .asPerpetual(new Derivative(new BigDecimal("0.001"), "USDT", new BigDecimal("20"), new BigDecimal("0.005")));
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final MarginSettings TEN_X = new MarginSettings(BigDecimal.TEN, MarginMode.ISOLATED);

    final Recorder rec = new Recorder();
    final List<FundingPayment> journaledFunding = new ArrayList<>();
    final BotKernelTest.Scripted strategy = new BotKernelTest.Scripted();

    SimExchange sim(MarginSettings margin) {
        return new SimExchange(PERP, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")), margin);
    }

    BotKernel kernel(SimExchange sim, MarginSettings margin) {
        OrderJournal journal = new OrderJournal() {
            @Override public void recordNew(OrderSnapshot o) { rec.recordNew(o); }
            @Override public void recordEvent(OrderSnapshot o, dev.botfleet.engine.order.OrderEvent e) { rec.recordEvent(o, e); }
            @Override public void recordFill(OrderSnapshot o, Fill f) { rec.recordFill(o, f); }
            @Override public void recordFunding(String botId, FundingPayment p) { journaledFunding.add(p); }
        };
        BotKernel k = BotKernel.builder("9", PERP, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS)
                .margin(margin).journal(journal).listener(rec).build();
        k.start(T0);
        return k;
    }

    static Tick tick(long second, double price) {
        return new Tick("sim", "BTC/USDT", T0.plusSeconds(second).toEpochMilli(), price, 1.0);
    }

    @Test
    void aShortFromFlatPaysFeesReceivesFundingAndClosesWithExactPnl() {
        SimExchange sim = sim(TEN_X);
        BotKernel k = kernel(sim, TEN_X);
        List<OrderSnapshot> sent = new ArrayList<>();
        strategy.onTick = (ctx, t) -> {
            if (sent.isEmpty()) sent.add(ctx.submit(OrderRequest.limit(OrderSide.SELL, new BigDecimal("0.1"),
                    new BigDecimal("50000.00"))));
        };
        k.onTick(tick(1, 49990.00));   // below the sell: it rests
        assertThat(sent.getFirst().status()).isEqualTo(OrderStatus.SUBMITTED);  // no BTC held, and no denial
        // reserved: 0.1 × (50,000 / 10 + 50,000 × 0.001) = 505
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("9495");

        k.onTick(tick(2, 50000.01));   // trades through the resting sell: filled at 50,000 as maker, fee 5
        PositionSnapshot shortPosition = k.position();
        assertThat(shortPosition.quantity()).isEqualByComparingTo("-0.1");
        assertThat(shortPosition.side()).isEqualTo("SHORT");
        assertThat(shortPosition.leverage()).isEqualByComparingTo("10");
        // 50,000 × (1 + 1/10 − 0.005), rounded down to the tick for a short
        assertThat(shortPosition.liquidationPrice()).isEqualByComparingTo("54750.00");
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("9995");
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("9495");  // 500 margin locked

        // funding 0.01 % at a mark of 50,100: the short receives 0.1 × 50,100 × 0.0001 = 0.501
        k.onFundingRate(T0.plusSeconds(3), new BigDecimal("0.0001"), new BigDecimal("50100"));
        assertThat(journaledFunding).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("0.501"));
        assertThat(k.position().funding()).isEqualByComparingTo("0.501");
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("9995.501");
        assertThat(rec.messages()).anyMatch(m -> m.startsWith("Funding: received 0.50 USDT at rate 0.01%"));

        strategy.onTick = (ctx, t) -> {
            if (sent.size() == 1) sent.add(ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.1"),
                    new BigDecimal("49000.00")).closing(CloseReason.TAKE_PROFIT)));
        };
        k.onTick(tick(4, 49500.00));
        // a buy that only closes the short reserves nothing
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("9495.501");
        k.onTick(tick(5, 48999.99));   // bought back at 49,000 as maker: PnL 100, fee 4.9

        PositionSnapshot flat = k.position();
        assertThat(flat.isFlat()).isTrue();
        // 100 − 5 − 4.9 + 0.501
        assertThat(flat.realizedPnl()).isEqualByComparingTo("90.601");
        assertThat(flat.liquidationPrice()).isNull();
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("10090.601");
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("10090.601");
        Deal deal = rec.deals.getFirst();
        assertThat(deal.direction()).isEqualTo(Deal.Direction.SHORT);
        assertThat(deal.entryPrice()).isEqualByComparingTo("50000");
        assertThat(deal.exitPrice()).isEqualByComparingTo("49000");
        assertThat(deal.fees()).isEqualByComparingTo("9.9");
        assertThat(deal.pnl()).isEqualByComparingTo("90.601");
        assertThat(deal.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
    }

    @Test
    void leverageAboveTheInstrumentsMaximumIsDenied() {
        MarginSettings tooHigh = new MarginSettings(new BigDecimal("25"), MarginMode.ISOLATED);
        BotKernel k = kernel(sim(tooHigh), tooHigh);
        List<OrderSnapshot> sent = new ArrayList<>();
        strategy.onTick = (ctx, t) -> sent.add(ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"),
                new BigDecimal("49000.00"))));
        k.onTick(tick(1, 50000));
        assertThat(sent.getFirst().status()).isEqualTo(OrderStatus.DENIED);
        assertThat(rec.journal).containsExactly("new 9-1 DENIED");
        assertThat(sent.getFirst().reason()).isEqualTo("Leverage 25x is above the maximum 20x of BTC/USDT.");
    }

    @Test
    void anOrderNeedsItsInitialMarginButAClosingOrderNeedsNone() {
        BotKernel k = kernel(sim(TEN_X), TEN_X);
        List<OrderSnapshot> sent = new ArrayList<>();
        List<OrderRequest> script = new ArrayList<>(List.of(
                // 2 × 50,000 / 10 = 10,000 margin + 100 fees > 10,000 free
                OrderRequest.limit(OrderSide.SELL, new BigDecimal("2"), new BigDecimal("50000.00")),
                // 1.9 BTC: 9,500 + 95 = 9,595 fits
                OrderRequest.limit(OrderSide.SELL, new BigDecimal("1.9"), new BigDecimal("50000.00"))));
        strategy.onTick = (ctx, t) -> {
            if (!script.isEmpty()) sent.add(ctx.submit(script.removeFirst()));
        };
        k.onTick(tick(1, 49990));
        assertThat(sent.getFirst().status()).isEqualTo(OrderStatus.DENIED);
        assertThat(sent.getFirst().reason()).isEqualTo(
                "Opening 2 BTC at 10x needs 10100.00 USDT of margin with fees, only 10000.00 USDT is free.");
        k.onTick(tick(2, 49990));
        assertThat(sent.get(1).status()).isEqualTo(OrderStatus.SUBMITTED);
        k.onTick(tick(3, 50000.01));
        assertThat(k.position().quantity()).isEqualByComparingTo("-1.9");
        // free: 10,000 − 95 fee − 9,500 margin = 405; closing all 1.9 still passes (it needs no margin)
        strategy.onTick = (ctx, t) -> {
            if (sent.size() == 2) sent.add(ctx.submit(OrderRequest.market(OrderSide.BUY, new BigDecimal("1.9"))
                    .closing(CloseReason.STOP_LOSS)));
        };
        k.onTick(tick(4, 50100));
        assertThat(sent.get(2).status()).isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void journaledFundingIsReplayedIntoPnlAfterARestart() {
        Fill opening = new Fill("9", "9-1", "t1", "sim", "BTC/USDT", OrderSide.SELL, new BigDecimal("50000.00"),
                new BigDecimal("0.1"), new BigDecimal("5"), "USDT", dev.botfleet.engine.order.Liquidity.MAKER,
                new BigDecimal("-5"), T0.plusSeconds(2));
        FundingPayment paid = new FundingPayment("BTC/USDT", T0.plusSeconds(3), new BigDecimal("-0.0002"),
                new BigDecimal("50000"), new BigDecimal("-1.0"));
        SimExchange sim = sim(TEN_X);
        BotKernel k = BotKernel.builder("9", PERP, strategy).exchange(sim::connect).matchOn(MatchingData.TICKS)
                .margin(TEN_X).state(new KernelState(2, List.of(), List.of(opening), List.of(paid))).build();
        assertThat(k.position().quantity()).isEqualByComparingTo("-0.1");
        assertThat(k.position().realizedPnl()).isEqualByComparingTo("-6.0");
        assertThat(k.position().funding()).isEqualByComparingTo("-1.0");
    }
}
