package dev.botfleet.exchanges.contract;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.OrderJournal;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.live.AccountSession;
import dev.botfleet.exchanges.live.LivePort;
import dev.botfleet.exchanges.live.VenueAlarm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bot as the server runs it — kernel, mailbox runner and {@link LivePort} — with a strategy the test drives by hand.
 * Everything it is told is recorded for assertions.
 */
final class TestBot implements AutoCloseable {
    final String botId;
    final BotKernel kernel;
    final BotRunner runner;
    final LivePort port;
    final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final Map<String, List<OrderStatus>> statuses = new ConcurrentHashMap<>();
    final Map<String, OrderSnapshot> latest = new ConcurrentHashMap<>();
    final List<String> alarms = new CopyOnWriteArrayList<>();
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private volatile StrategyContext ctx;

    TestBot(String botId, AccountSession account, Supplier<VenueInstrument> instrument, KernelState state,
            ExecutorService executor) {
        this.botId = botId;
        Strategy strategy = new Strategy() {
            @Override public void onStart(StrategyContext c) { ctx = c; }
        };
        // The journal sees every change of every order (fills included), as the server's JDBC journal does.
        OrderJournal journal = new OrderJournal() {
            @Override public void recordNew(OrderSnapshot order) { record(order, null); }

            @Override public void recordEvent(OrderSnapshot order, OrderEvent event) { record(order, event); }

            @Override public void recordFill(OrderSnapshot order, Fill fill) {
                fills.add(fill);
                record(order, fill.toEvent());
            }
        };
        VenueAlarm alarm = new VenueAlarm() {
            @Override public void warning(String message) { alarms.add("WARNING " + message); }

            @Override public void failed(String message) { alarms.add("FAILED " + message); }
        };
        LivePort[] holder = new LivePort[1];
        BotRunner[] runnerHolder = new BotRunner[1];
        var builder = BotKernel.builder(botId, instrument.get().instrument(), strategy)
                .exchange(l -> holder[0] = new LivePort(account, instrument, botId,
                        e -> runnerHolder[0].onOrderEvent(e), alarm, Clock.systemUTC(), executor)
                        .lookupPauses(30, 100, 300))  // a fake shows an order at once: no need to wait seconds
                .journal(journal);
        if (state != null) builder.state(state);
        this.kernel = builder.build();
        this.port = holder[0];
        this.runner = new BotRunner(kernel, executor, (event, e) -> failures.add(e));
        runnerHolder[0] = runner;
        runner.send(new BotCommand.StartBot(Instant.now()));
        Await.until("bot " + botId + " started", () -> ctx != null || !failures.isEmpty());
    }

    private void record(OrderSnapshot order, OrderEvent event) {
        if (event != null) events.add(event);
        latest.put(order.clientOrderId(), order);
        statuses.computeIfAbsent(order.clientOrderId(), k -> new CopyOnWriteArrayList<>()).add(order.status());
    }

    /** Runs {@code action} as the strategy, on the bot's turn, and returns its result. */
    <T> T act(Function<StrategyContext, T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        runner.send(new BotCommand.Inspect(k -> {
            try {
                result.complete(action.apply(ctx));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String submit(OrderRequest request) { return act(c -> c.submit(request).clientOrderId()); }

    void cancel(String id) { runner.send(new BotCommand.CancelOrder(id)); }

    OrderSnapshot order(String id) { return latest.get(id); }

    OrderStatus status(String id) {
        OrderSnapshot o = latest.get(id);
        return o == null ? null : o.status();
    }

    void awaitStatus(String id, OrderStatus status) {
        Await.until("order " + id + " " + status + " (now " + status(id) + ", events " + events + ", failures " + failures + ")",
                () -> status(id) == status);
    }

    List<Fill> fillsOf(String id) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : fills) if (f.clientOrderId().equals(id)) out.add(f);
        return out;
    }

    @Override
    public void close() {
        port.close(5_000);
    }
}
