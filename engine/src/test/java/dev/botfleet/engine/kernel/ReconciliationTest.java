package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static dev.botfleet.engine.kernel.BotKernelTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

/** Crash and restart: nothing sent twice, no fill lost or counted twice. */
class ReconciliationTest {

    /** Buys once, on the first tick it ever sees (and only if it has no order and no position: restart-safe). */
    static final class BuyOnce implements Strategy {
        int starts;

        @Override public void onStart(StrategyContext ctx) { starts++; }

        @Override public void onTick(StrategyContext ctx, Tick tick) {
            if (ctx.openOrders().isEmpty() && ctx.positionQuantity().signum() == 0) {
                ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("63900.00")));
            }
        }
    }

    static SimExchange newSim() {
        return new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("10000")));
    }

    /** An exchange port of a process that dies after journaling, before the order leaves: submits go nowhere. */
    static ExchangePort crashingOnSubmit(SimExchange sim, ExecutionListener l) {
        ExchangePort real = sim.connect(l);
        return new ExchangePort() {
            @Override public String exchange() { return real.exchange(); }
            @Override public void submit(OrderSnapshot order) { }
            @Override public void cancel(String id) { real.cancel(id); }
            @Override public java.util.Optional<dev.botfleet.engine.exchange.OrderReport> query(String id) { return real.query(id); }
            @Override public java.util.Optional<dev.botfleet.engine.exchange.Balance> balance(String a) { return real.balance(a); }
        };
    }

    static KernelState stateFrom(Recorder rec) {
        List<OrderSnapshot> open = rec.latestOrders().stream().filter(o -> !o.status().isTerminal()).toList();
        return new KernelState(2, open, rec.fills);
    }

    @Test
    void anOrderJournaledButNeverSentIsSentOnceAfterRestart() {
        Recorder rec = new Recorder();
        SimExchange sim = newSim();
        BotKernel first = BotKernel.builder("7", BTC, new BuyOnce()).journal(rec).listener(rec)
                .exchange(l -> crashingOnSubmit(sim, l)).matchOn(MatchingData.TICKS).build();
        first.start(T0);
        first.onTick(tick(1, 64000.00));   // the process dies right after this; `first` is never used again
        assertThat(rec.journal).containsExactly("new 7-1 SUBMITTED");
        assertThat(sim.query("7-1")).isEmpty();

        // restart from the journal, against an exchange that never saw the order
        SimExchange fresh = newSim();
        fresh.onTick(tick(1, 64000.00));
        BuyOnce strategy = new BuyOnce();
        BotKernel second = BotKernel.builder("7", BTC, strategy).journal(rec).listener(rec).exchange(fresh::connect).matchOn(MatchingData.TICKS)
                .state(stateFrom(rec)).build();
        second.start(T0.plusSeconds(10));
        assertThat(fresh.query("7-1")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(OrderStatus.ACCEPTED));
        assertThat(second.openOrders()).extracting(OrderSnapshot::status).containsExactly(OrderStatus.ACCEPTED);
        // the strategy sees its order and does not place another
        second.onTick(tick(11, 64000.00));
        second.onTick(tick(12, 63800.00));
        assertThat(rec.journal).containsExactly("new 7-1 SUBMITTED", "OrderAccepted 7-1 ACCEPTED",
                "fill 7-1 0.01@63900.00 FILLED");
        assertThat(second.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(second.nextSequence()).isEqualTo(2);
        assertThat(strategy.starts).isEqualTo(1);
    }

    @Test
    void aFillTheJournalMissedIsAppliedExactlyOnce() {
        Recorder rec = new Recorder();
        SimExchange sim = newSim();
        BotKernel first = BotKernel.builder("7", BTC, new BuyOnce()).journal(rec).listener(rec)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        first.start(T0);
        first.onTick(tick(1, 64000.00));
        // what the journal held just before the exchange filled the order
        KernelState beforeFill = stateFrom(rec);
        first.onTick(tick(2, 63800.00));
        assertThat(rec.fills).hasSize(1);

        // crash: the fill never reached the journal. Restart against the same exchange, which did fill it.
        Recorder rec2 = new Recorder();
        BotKernel second = BotKernel.builder("7", BTC, new BuyOnce()).journal(rec2).listener(rec2)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).state(beforeFill).build();
        second.start(T0.plusSeconds(10));
        assertThat(rec2.journal).containsExactly("fill 7-1 0.01@63900.00 FILLED");
        assertThat(second.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(second.openOrders()).isEmpty();

        // restart again, now from a journal that has the fill: nothing is applied twice
        Recorder rec3 = new Recorder();
        KernelState withFill = new KernelState(2, List.of(), rec2.fills);
        BotKernel third = BotKernel.builder("7", BTC, new BuyOnce()).journal(rec3).listener(rec3)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).state(withFill).build();
        third.start(T0.plusSeconds(20));
        assertThat(rec3.journal).isEmpty();
        assertThat(third.position().quantity()).isEqualByComparingTo("0.01");
    }

    @Test
    void aDuplicateFillFromTheExchangeIsIgnored() {
        Recorder rec = new Recorder();
        SimExchange sim = newSim();
        BotKernel k = BotKernel.builder("7", BTC, new BuyOnce()).journal(rec).listener(rec)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        k.start(T0);
        k.onTick(tick(1, 64000.00));
        k.onTick(tick(2, 63800.00));
        k.onOrderEvent(sim.query("7-1").orElseThrow().fills().getFirst());
        assertThat(rec.fills).hasSize(1);
        assertThat(k.position().quantity()).isEqualByComparingTo("0.01");
    }
}
