package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.MarketAlert;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** A market alert reaches the running strategy on the bot's turn, in mailbox order, at the alert's time. */
class KernelMarketAlertTest {
    final Recorder rec = new Recorder();
    final FakePort port = new FakePort();
    final List<String> seen = new ArrayList<>();

    final class Watching implements Strategy {
        @Override public void onMarketAlert(StrategyContext ctx, MarketAlert alert) {
            seen.add(alert.kind() + " " + alert.market() + " " + alert.share().toPlainString() + " at " + ctx.now());
        }
        @Override public void onTimer(StrategyContext ctx, String name) {
            seen.add("timer " + name);
        }
        @Override public void onStart(StrategyContext ctx) {
            ctx.scheduleTimer("t", T0.plusSeconds(5));
        }
    }

    static MarketAlert removal(String share, int secondsAfterStart) {
        return new MarketAlert(MarketAlert.Kind.LIQUIDITY_REMOVAL, "V2", new BigDecimal(share),
                "pending removal", "0xabc", T0.plusSeconds(secondsAfterStart));
    }

    BotKernel kernel(Strategy s) {
        return BotKernel.builder("7", BTC, s).exchange(port::connect).journal(rec).listener(rec).build();
    }

    @Test
    void theStrategyGetsTheAlertAtItsTimeAfterTheTimersDueBeforeIt() {
        BotKernel k = kernel(new Watching());
        k.start(T0);
        k.onMarketAlert(removal("0.5", 10));
        assertThat(seen).containsExactly("timer t", "LIQUIDITY_REMOVAL V2 0.5 at " + T0.plusSeconds(10));
        assertThat(k.clock()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aBotNotRunningIgnoresIt() {
        BotKernel k = kernel(new Watching());
        k.onMarketAlert(removal("0.5", 1));   // not started
        k.start(T0);
        k.stop("by user");
        k.onMarketAlert(removal("0.5", 20));
        assertThat(seen).isEmpty();   // neither alert, nor the timer that came due while stopped
    }

    @Test
    void itComesThroughTheMailboxInOrder() {
        BotKernel k = kernel(new Watching());
        BotRunner runner = new BotRunner(k, Runnable::run, (event, e) -> { throw e; });
        runner.send(new BotCommand.StartBot(T0));
        runner.send(new BotCommand.Alert(removal("0.1", 1)));
        runner.send(new BotCommand.Alert(removal("0.2", 2)));
        assertThat(seen).containsExactly("LIQUIDITY_REMOVAL V2 0.1 at " + T0.plusSeconds(1),
                "LIQUIDITY_REMOVAL V2 0.2 at " + T0.plusSeconds(2));
    }

    @Test
    void aStrategyThatThrowsOnAnAlertFailsTheBot() {
        BotKernel k = kernel(new Strategy() {
            @Override public void onMarketAlert(StrategyContext ctx, MarketAlert alert) {
                throw new IllegalStateException("boom");
            }
        });
        k.start(T0);
        k.onMarketAlert(removal("0.5", 1));
        assertThat(k.isRunning()).isFalse();
    }

    @Test
    void aStrategyThatDoesNotCareIsLeftAlone() {
        BotKernel k = kernel(new Strategy() { });
        k.start(T0);
        k.onMarketAlert(removal("0.5", 1));
        assertThat(k.isRunning()).isTrue();
    }
}
