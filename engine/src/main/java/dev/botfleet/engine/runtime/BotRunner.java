package dev.botfleet.engine.runtime;

import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderEvent;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * A kernel behind its mailbox: market data (as a {@link MarketDataListener} subscribed to the hub), order events from
 * asynchronous exchange ports (as an {@link ExecutionListener}) and {@link BotCommand}s all become mailbox events,
 * handled by the kernel one at a time.
 *
 * <p><b>Quiet ticks.</b> Fed by one {@link TickShard} of a hub that skips quiet ticks, the runner has a seat in that
 * shard's {@link QuietSeats} and publishes there, after each event, its kernel's {@link QuietBand}; the shard hands it
 * no tick (or quiet candle) inside it: it leaves the last such one in the seat instead, and the runner gives it to the
 * kernel at the start of its next event. Between two events the kernel's state does not change, so every skipped tick was quiet
 * against the state that event starts from, and taking only the last one leaves the kernel as if it had taken them
 * all, in order. The hand-over is a seqlock on the seat's stamp ({@link QuietSeats}): odd while an event is handled;
 * the shard skips only on a band read whole between two even, equal readings, when every tick it delivered before has
 * been handled; the tick it leaves is taken back (and delivered as usual) if an event began meanwhile without taking it.
 */
public final class BotRunner implements MarketDataListener, ExecutionListener {
    /** Its seat in the one shard that feeds it, while that shard skips quiet ticks; may be revoked since. */
    private volatile QuietSeats.Seat seat;
    private int shards;
    private boolean everLeft;

    private final BotKernel kernel;
    private final BotMailbox<Object> mailbox;
    private final TickObserver ticks;
    /** Only used inside an event. */
    private final QuietBand band = new QuietBand();

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

    /**
     * Market data from a {@link TickShard}, {@code marketData[from]} up to {@code marketData[to]}, in order: handled on
     * the shard's thread if the bot is idle.
     */
    void deliver(Object[] marketData, int from, int to) {
        mailbox.deliver(marketData, from, to);
    }

    public void send(BotCommand command) { mailbox.post(command); }

    public int backlog() { return mailbox.backlog(); }

    TickObserver tickObserver() { return ticks; }

    /** The hub joined this runner to a shard. Under the hub's lock. */
    synchronized void joined() {
        shards++;
        // One feed only: a second market's ticks would not be ordered with the first's
        if (shards > 1 && seat != null) seat.revoke();
    }

    /** The hub took this runner out of a shard. */
    synchronized void left() {
        shards--;
        everLeft = true;
        if (seat != null) seat.revoke();
    }

    /**
     * On the shard's turn: the runner's seat there. Kept only if that shard is its one feed and it never left one:
     * events handled meanwhile did not publish their band, so a band from before may no longer hold.
     */
    synchronized void seated(QuietSeats.Seat given) {
        if (shards == 1 && !everLeft && seat == null) seat = given;
        else given.revoke();
    }

    private void handle(Object event) {
        QuietSeats.Seat own = seat;
        // a revoked seat still holds the last tick skipped before; a seat given to another bot is no longer ours
        boolean seated = own != null && own.begin();
        if (seated) {
            // the last quiet tick or candle: price and clock (a tick's decision was counted)
            switch (own.takeSkipped()) {
                case Tick late -> kernel.onTick(late);
                case Candle late -> kernel.onCandle(late);
                case null, default -> { }
            }
        }
        try {
            dispatch(event, seated ? own : null);
        } finally {
            if (seated) {
                kernel.quietBand(band);
                own.end(band);
            }
        }
    }

    private void dispatch(Object event, QuietSeats.Seat seated) {
        switch (event) {
            case Tick t -> {
                if (seated != null) seated.taken();
                kernel.onTick(t);
                ticks.handled(t);
            }
            case Candle c -> {
                if (seated != null) seated.taken();
                kernel.onCandle(c);
            }
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
