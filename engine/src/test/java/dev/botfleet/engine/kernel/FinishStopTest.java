package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.sim.SimExchange;
import org.junit.jupiter.api.Test;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static dev.botfleet.engine.kernel.BotKernelTest.tick;
import static dev.botfleet.engine.kernel.ReconciliationTest.crashingOnSubmit;
import static dev.botfleet.engine.kernel.ReconciliationTest.stateFrom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop that was decided (the bot already STOPPED) but whose last turn never ran — the process died, or the bot's
 * shard moved to another node, in between — is carried out by a bot rebuilt from its journal: orders open at the
 * exchange are canceled, fills it missed are booked, nothing new is sent and the strategy never runs.
 */
class FinishStopTest {
    final ReconciliationTest.BuyOnce firstStrategy = new ReconciliationTest.BuyOnce();

    @Test
    void anOrderStillOpenAtTheExchangeIsCanceledWithoutStartingTheStrategy() {
        Recorder rec = new Recorder();
        SimExchange sim = ReconciliationTest.newSim();
        BotKernel first = BotKernel.builder("7", BTC, firstStrategy).journal(rec).listener(rec)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        first.start(T0);
        first.onTick(tick(1, 64000.00));  // the limit buy rests at 63,900; then the user stops and the process dies
        assertThat(sim.query("7-1")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(OrderStatus.ACCEPTED));

        Recorder rec2 = new Recorder();
        ReconciliationTest.BuyOnce strategy = new ReconciliationTest.BuyOnce();
        BotKernel second = BotKernel.builder("7", BTC, strategy).journal(rec2).listener(rec2)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).state(stateFrom(rec)).build();
        second.finishStop(T0.plusSeconds(10), "stopped by user");

        assertThat(sim.query("7-1")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(second.openOrders()).isEmpty();
        assertThat(rec2.stops).containsExactly("stopped by user");
        assertThat(strategy.starts).isZero();
        // a tick after the stop neither reaches the strategy nor places anything
        second.onTick(tick(11, 64000.00));
        assertThat(rec2.journal).noneMatch(line -> line.startsWith("new "));
        assertThat(rec2.messages()).anyMatch(m -> m.startsWith("Finishing the stop on"))
                .anyMatch(m -> m.equals("Bot stopped: stopped by user"));
    }

    @Test
    void anOrderJournaledButNeverSentIsMarkedCanceledNotSent() {
        Recorder rec = new Recorder();
        SimExchange sim = ReconciliationTest.newSim();
        BotKernel first = BotKernel.builder("7", BTC, firstStrategy).journal(rec).listener(rec)
                .exchange(l -> crashingOnSubmit(sim, l)).matchOn(MatchingData.TICKS).build();
        first.start(T0);
        first.onTick(tick(1, 64000.00));  // journaled, never left: the process dies here
        assertThat(rec.journal).containsExactly("new 7-1 SUBMITTED");

        Recorder rec2 = new Recorder();
        BotKernel second = BotKernel.builder("7", BTC, new ReconciliationTest.BuyOnce()).journal(rec2).listener(rec2)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).state(stateFrom(rec)).build();
        second.finishStop(T0.plusSeconds(10), "stop-all");

        assertThat(sim.query("7-1")).isEmpty();  // a restart of an ACTIVE bot would have sent it
        assertThat(rec2.journal).containsExactly("OrderCanceled 7-1 CANCELED");
        assertThat(rec2.stops).containsExactly("stop-all");
    }

    @Test
    void aFillTheExchangeMadeMeanwhileIsBookedOnceAndNothingIsLeftToCancel() {
        Recorder rec = new Recorder();
        SimExchange sim = ReconciliationTest.newSim();
        BotKernel first = BotKernel.builder("7", BTC, firstStrategy).journal(rec).listener(rec)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        first.start(T0);
        first.onTick(tick(1, 64000.00));
        KernelState beforeFill = stateFrom(rec);
        sim.onTick(tick(2, 63800.00));  // the exchange fills it while no bot runs

        Recorder rec2 = new Recorder();
        BotKernel second = BotKernel.builder("7", BTC, new ReconciliationTest.BuyOnce()).journal(rec2).listener(rec2)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).state(beforeFill).build();
        second.finishStop(T0.plusSeconds(10), "stopped by user");

        assertThat(rec2.journal).containsExactly("fill 7-1 0.01@63900.00 FILLED");
        assertThat(second.position().quantity()).isEqualByComparingTo("0.01");
        assertThat(second.openOrders()).isEmpty();
        assertThat(rec2.stops).containsExactly("stopped by user");
    }

    @Test
    void aRunningBotIgnoresIt() {
        Recorder rec = new Recorder();
        SimExchange sim = ReconciliationTest.newSim();
        BotKernel k = BotKernel.builder("7", BTC, firstStrategy).journal(rec).listener(rec)
                .exchange(sim::connect).matchOn(MatchingData.TICKS).build();
        k.start(T0);
        k.onTick(tick(1, 64000.00));
        k.finishStop(T0.plusSeconds(1), "late");
        assertThat(rec.stops).isEmpty();
        assertThat(k.openOrders()).hasSize(1);
    }
}
