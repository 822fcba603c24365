package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static dev.botfleet.engine.kernel.BotKernelTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

/** A strategy's timers: when they fire, in what order, and what replacing or canceling one does. */
class KernelTimersTest {
    final List<String> fired = new ArrayList<>();
    StrategyContext ctx;
    BiConsumer<StrategyContext, String> onTimer = (c, n) -> { };

    final Strategy strategy = new Strategy() {
        @Override public void onStart(StrategyContext c) { ctx = c; }
        @Override public void onTick(StrategyContext c, Tick t) { fired.add("tick " + t.price()); }
        @Override public void onTimer(StrategyContext c, String name) {
            fired.add(name + " at " + c.now().getEpochSecond() % 3600);
            onTimer.accept(c, name);
        }
    };

    final FakePort port = new FakePort();

    BotKernel kernel() {
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(port::connect).build();
        k.start(T0);
        return k;
    }

    static Instant at(long second) { return T0.plusSeconds(second); }

    @Test
    void aTimerDueExactlyNowFires() {
        BotKernel k = kernel();
        ctx.scheduleTimer("wake", at(5));
        k.advanceTo(at(4));
        assertThat(fired).isEmpty();
        k.advanceTo(at(5));
        assertThat(fired).containsExactly("wake at 5");
        k.advanceTo(at(9));
        assertThat(fired).containsExactly("wake at 5");   // once only
    }

    @Test
    void timersDueAtTheSameTimeFireInTheOrderTheyWereSet() {
        BotKernel k = kernel();
        ctx.scheduleTimer("second-set-first", at(5));
        ctx.scheduleTimer("late", at(6));
        ctx.scheduleTimer("early", at(4));
        ctx.scheduleTimer("second-set-second", at(5));
        ctx.scheduleTimer("second-set-third", at(5));
        k.onTick(tick(10, 1.0));
        assertThat(fired).containsExactly("early at 10", "second-set-first at 10", "second-set-second at 10",
                "second-set-third at 10", "late at 10", "tick 1.0");
    }

    @Test
    void timersFireOneTurnAtATimeAsTheClockReachesEach() {
        BotKernel k = kernel();
        ctx.scheduleTimer("a", at(5));
        ctx.scheduleTimer("b", at(7));
        k.advanceTo(at(5));
        k.advanceTo(at(6));
        assertThat(fired).containsExactly("a at 5");
        k.onTick(tick(7, 2.0));
        assertThat(fired).containsExactly("a at 5", "b at 7", "tick 2.0");
    }

    @Test
    void settingATimerAgainReplacesIt() {
        BotKernel k = kernel();
        ctx.scheduleTimer("wake", at(5));
        ctx.scheduleTimer("wake", at(8));
        k.advanceTo(at(6));
        assertThat(fired).isEmpty();
        k.advanceTo(at(8));
        assertThat(fired).containsExactly("wake at 8");
    }

    @Test
    void settingATimerEarlierReplacesTheLaterOne() {
        BotKernel k = kernel();
        ctx.scheduleTimer("wake", at(8));
        ctx.scheduleTimer("wake", at(5));
        k.advanceTo(at(9));
        assertThat(fired).containsExactly("wake at 9");
    }

    @Test
    void aCanceledTimerNeverFiresAndTheOthersStillDo() {
        BotKernel k = kernel();
        ctx.scheduleTimer("gone", at(5));
        ctx.scheduleTimer("kept", at(6));
        ctx.cancelTimer("gone");
        k.advanceTo(at(10));
        assertThat(fired).containsExactly("kept at 10");
    }

    @Test
    void aTimerSetForThePastFiresOnTheNextEvent() {
        BotKernel k = kernel();
        k.advanceTo(at(10));
        ctx.scheduleTimer("overdue", at(3));
        k.advanceTo(at(10));
        assertThat(fired).containsExactly("overdue at 10");
    }

    @Test
    void aTimerSetByATimerFiresInTheSameTurnIfAlreadyDue() {
        BotKernel k = kernel();
        onTimer = (c, name) -> {
            if (name.equals("first")) c.scheduleTimer("then", at(2));
        };
        ctx.scheduleTimer("first", at(1));
        k.advanceTo(at(3));
        assertThat(fired).containsExactly("first at 3", "then at 3");
    }

    @Test
    void theClockNeverGoesBack() {
        BotKernel k = kernel();
        k.advanceTo(at(10));
        k.advanceTo(at(4));
        assertThat(k.clock()).isEqualTo(at(10));
        ctx.scheduleTimer("wake", at(7));
        k.onTick(tick(5, 1.0));   // an older event: the clock stays at 10, where the timer is due
        assertThat(fired).containsExactly("wake at 10", "tick 1.0");
    }

    @Test
    void timersDoNotFireAfterTheBotStopped() {
        BotKernel k = kernel();
        ctx.scheduleTimer("wake", at(5));
        k.stop("user asked");
        k.advanceTo(at(6));
        assertThat(fired).isEmpty();
    }

    @Test
    void aFailingTimerStopsTheBotWithAnError() {
        Recorder rec = new Recorder();
        BotKernel k = BotKernel.builder("7", BTC, strategy).exchange(port::connect).listener(rec).build();
        k.start(T0);
        onTimer = (c, name) -> { throw new IllegalStateException("timer broke"); };
        ctx.scheduleTimer("wake", at(5));
        k.advanceTo(at(5));
        assertThat(rec.stops).containsExactly("error: strategy error: timer broke");
        assertThat(k.isRunning()).isFalse();
    }
}
