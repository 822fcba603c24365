package dev.botfleet.engine.kernel;

import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.kernel.BotKernelTest.BTC;
import static dev.botfleet.engine.kernel.BotKernelTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Hot reload: a Reconfigure command reaches the running strategy on its turn, in order, keeping orders and position. */
class KernelReconfigureTest {
    final Recorder rec = new Recorder();
    final FakePort port = new FakePort();
    final List<String> seen = new ArrayList<>();

    final class Live implements Strategy, Reconfigurable {
        @Override public void onStart(StrategyContext ctx) {
            ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000")));
        }
        @Override public void reconfigure(StrategyContext ctx, StrategyConfig config) {
            seen.add("reconfigure " + config.decimal("price").toPlainString() + ", open " + ctx.openOrders().size());
        }
    }

    static StrategyConfig config(String price) {
        return StrategyConfig.of(Map.of("price", new BigDecimal(price)));
    }

    @Test
    void aReconfigurableStrategyTakesTheNewConfigAndKeepsItsOrders() {
        BotKernel k = BotKernel.builder("7", BTC, new Live()).exchange(port::connect).journal(rec).listener(rec).build();
        k.start(T0);
        String order = k.openOrders().getFirst().clientOrderId();
        k.reconfigure(config("61000"));
        assertThat(seen).containsExactly("reconfigure 61000, open 1");
        assertThat(k.openOrders()).extracting(o -> o.clientOrderId()).containsExactly(order);
        assertThat(rec.activity).extracting(ActivityEntry::message).contains("New configuration applied");
    }

    @Test
    void aStoppedBotIgnoresIt() {
        BotKernel k = BotKernel.builder("7", BTC, new Live()).exchange(port::connect).journal(rec).listener(rec).build();
        k.reconfigure(config("61000"));   // never started
        k.start(T0);
        k.stop("by user");
        k.reconfigure(config("62000"));
        assertThat(seen).isEmpty();
    }

    @Test
    void aStrategyThatCannotTakeOneKeepsRunningWithAWarning() {
        Strategy fixed = new Strategy() { };
        BotKernel k = BotKernel.builder("7", BTC, fixed).exchange(port::connect).journal(rec).listener(rec).build();
        k.start(T0);
        k.reconfigure(config("61000"));
        assertThat(k.isRunning()).isTrue();
        assertThat(rec.activity).extracting(ActivityEntry::message)
                .anyMatch(m -> m.contains("cannot change its parameters while running"));
    }

    @Test
    void theCommandIsHandledInOrderThroughTheMailbox() {
        BotKernel k = BotKernel.builder("7", BTC, new Live()).exchange(port::connect).journal(rec).listener(rec).build();
        BotRunner runner = new BotRunner(k, Runnable::run, (event, e) -> { throw e; });
        runner.send(new BotCommand.StartBot(T0));
        runner.send(new BotCommand.Reconfigure(config("61000")));
        runner.send(new BotCommand.Reconfigure(config("62000")));
        assertThat(seen).containsExactly("reconfigure 61000, open 1", "reconfigure 62000, open 1");
    }

    @Test
    void theDefinitionSaysWhichParametersAreLiveAndWhichChanged() {
        StrategyDefinition d = new StrategyDefinition("x", "X", "", List.of(
                ParameterDefinition.decimal("price").liveEditable().build(),
                ParameterDefinition.integer("period").defaultValue(14L).build()));
        StrategyConfig before = d.validate(Map.of("price", "1.50")).config();
        StrategyConfig same = d.validate(Map.of("price", "1.5")).config();
        StrategyConfig after = d.validate(Map.of("price", "2", "period", 20)).config();
        assertThat(d.isLiveEditable("price")).isTrue();
        assertThat(d.isLiveEditable("period")).isFalse();
        assertThat(d.changed(before, same)).isEmpty();
        assertThat(d.changed(before, after)).containsExactly("price", "period");
    }
}
