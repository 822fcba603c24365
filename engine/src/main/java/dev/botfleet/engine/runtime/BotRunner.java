package dev.botfleet.engine.runtime;

import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderEvent;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * A kernel behind its mailbox: market data (as a {@link MarketDataListener} subscribed to the hub), order events from
 * asynchronous exchange ports (as an {@link ExecutionListener}) and {@link BotCommand}s all become mailbox events,
 * handled by the kernel one at a time.
 */
public final class BotRunner implements MarketDataListener, ExecutionListener {
    private final BotKernel kernel;
    private final BotMailbox<Object> mailbox;
    private final TickObserver ticks;

    /** @param onError called on the bot's turn if handling an event throws (the kernel already caught strategy errors) */
    public BotRunner(BotKernel kernel, Executor executor, BiConsumer<Object, RuntimeException> onError) {
        this(kernel, executor, onError, TickObserver.NONE);
    }

    /** @param ticks told after each tick was handled (the strategy decided), e.g. to measure tick-to-decision latency */
    public BotRunner(BotKernel kernel, Executor executor, BiConsumer<Object, RuntimeException> onError,
                     TickObserver ticks) {
        this.kernel = kernel;
        this.mailbox = new BotMailbox<>(executor, this::handle, onError);
        this.ticks = ticks;
    }

    public String botId() { return kernel.botId(); }

    @Override public void onTick(Tick tick) { mailbox.post(tick); }

    @Override public void onCandle(Candle candle) { mailbox.post(candle); }

    @Override public void onOrderEvent(OrderEvent event) { mailbox.post(event); }

    /** Market data from a {@link TickShard}, in order: handled on the shard's thread if the bot is idle. */
    void deliver(Object[] marketData, int n) { mailbox.deliver(marketData, n); }

    public void send(BotCommand command) { mailbox.post(command); }

    public int backlog() { return mailbox.backlog(); }

    private void handle(Object event) {
        switch (event) {
            case Tick t -> {
                kernel.onTick(t);
                ticks.handled(t);
            }
            case Candle c -> kernel.onCandle(c);
            case OrderEvent e -> kernel.onOrderEvent(e);
            case BotCommand.StartBot s -> kernel.start(s.at(), s.history());
            case BotCommand.StopBot s -> kernel.stop(s.reason());
            case BotCommand.StopInError s -> kernel.stopInError(s.reason());
            case BotCommand.FinishStop s -> kernel.finishStop(s.at(), s.reason());
            case BotCommand.CancelOrder c -> kernel.cancel(c.clientOrderId());
            case BotCommand.AdvanceClock a -> kernel.advanceTo(a.now());
            case BotCommand.FundingRate f -> kernel.onFundingRate(f.at(), f.rate(), f.markPrice());
            case BotCommand.Funding f -> kernel.onFunding(f.payment());
            case BotCommand.Reconfigure r -> kernel.reconfigure(r.config());
            case BotCommand.Signal s -> kernel.onSignal(s.signal());
            case BotCommand.Alert a -> kernel.onMarketAlert(a.alert());
            case BotCommand.Inspect i -> i.action().accept(kernel);
            case BotCommand.OnTurn t -> t.action().run();
            default -> throw new IllegalArgumentException("a bot cannot handle " + event.getClass().getName());
        }
    }
}
