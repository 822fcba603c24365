package dev.botfleet.engine.runtime;

import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderEvent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * A kernel behind its mailbox: market data (as a {@link MarketDataListener} subscribed to the hub), order events from
 * asynchronous exchange ports (as an {@link ExecutionListener}) and {@link BotCommand}s all become mailbox events,
 * handled by the kernel one at a time.
 *
 * <p><b>Quiet ticks.</b> Fed by one {@link TickShard} of a hub that skips quiet ticks, the runner publishes after each
 * event its kernel's {@link QuietBand}, and the shard hands it no tick inside it ({@link #skipQuiet}): it leaves the
 * last such tick here instead, and the runner gives it to the kernel at the start of its next event. Between two
 * events the kernel's state does not change, so every skipped tick was quiet against the state that event starts
 * from, and taking only the last one leaves the kernel as if it had taken them all, in order. The hand-over is a
 * seqlock: {@code events} is odd while an event is handled, and the shard skips only on a band read whole between two
 * even, equal readings, when every tick it delivered before has been handled; the tick it leaves is taken back (and
 * delivered as usual) if an event began meanwhile without taking it.
 */
public final class BotRunner implements MarketDataListener, ExecutionListener {
    private static final VarHandle EVENTS;
    private static final VarHandle SKIPPED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            EVENTS = l.findVarHandle(BotRunner.class, "events", long.class);
            SKIPPED = l.findVarHandle(BotRunner.class, "skipped", Tick.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Read by the shard on every tick: first in the object, beside each other.
    /** Events begun plus events ended: odd while one is handled. */
    @SuppressWarnings("unused") private volatile long events;
    /** Market data handled of what the shard delivered, against {@link #fed}. */
    private volatile long taken;
    /** Market data the shard delivered (written by the shard only). */
    private long fed;
    private double quietLow = Double.POSITIVE_INFINITY;
    private double quietHigh = Double.NEGATIVE_INFINITY;
    private long quietUntil = Long.MIN_VALUE;
    /** The last tick the shard skipped since the last event began, or null. */
    @SuppressWarnings("unused") private volatile Tick skipped;
    /** Set by the hub: this runner's only feed is a shard that skips quiet ticks. */
    private volatile boolean quietFeed;
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
        fed += to - from;
        mailbox.deliver(marketData, from, to);
    }

    public void send(BotCommand command) { mailbox.post(command); }

    public int backlog() { return mailbox.backlog(); }

    TickObserver tickObserver() { return ticks; }

    /** The hub joined this runner to a shard; {@code skipping}: that shard skips quiet ticks. Under the hub's lock. */
    synchronized void joined(boolean skipping) {
        shards++;
        // One feed only: a second market's ticks would not be ordered with the first's. And never again after a leave:
        // events handled meanwhile did not publish their band, so the last one published may no longer hold.
        quietFeed = skipping && shards == 1 && !everLeft;
    }

    /** The hub took this runner out of a shard. */
    synchronized void left() {
        shards--;
        everLeft = true;
        quietFeed = false;
    }

    /**
     * On the shard's turn: how many of the batch's first events are ticks this bot's band holds as quiet. The last of
     * them is left for the bot's next event and only the rest of the batch is to be delivered; 0: deliver it all.
     */
    int skipQuiet(Object[] batch, int n) {
        if (!quietFeed) return 0;
        long begun = (long) EVENTS.getVolatile(this);
        if ((begun & 1) != 0 || taken != fed) return 0;
        double low = quietLow, high = quietHigh;
        long until = quietUntil;
        int quiet = 0;
        while (quiet < n && batch[quiet] instanceof Tick t
                && QuietBand.holds(low, high, until, t.price(), t.timestamp())) {
            quiet++;
        }
        VarHandle.acquireFence();  // the band's reads stay before the second reading of the count
        if (quiet == 0 || (long) EVENTS.getVolatile(this) != begun) return 0;  // none, or the band read was not whole
        Tick last = (Tick) batch[quiet - 1];
        Tick before = (Tick) SKIPPED.getAndSet(this, last);
        // An event that began after our first reading may have started from another state: unless it already took
        // our tick (it then handled it first, as it would have been), take it back and deliver the batch as usual.
        if ((long) EVENTS.getVolatile(this) != begun && SKIPPED.compareAndSet(this, last, before)) return 0;
        return quiet;
    }

    private void handle(Object event) {
        boolean quiet = quietFeed;
        long begun = 0;
        if (quiet) {
            begun = (long) EVENTS.getAndAdd(this, 1L) + 1;
            Tick late = (Tick) SKIPPED.getAndSet(this, null);
            if (late != null) kernel.onTick(late);  // the last quiet tick: price and clock (its decision was counted)
        }
        try {
            dispatch(event);
        } finally {
            if (quiet) {
                kernel.quietBand(band);
                quietLow = band.low();
                quietHigh = band.high();
                quietUntil = band.until();
                EVENTS.setVolatile(this, begun + 1);
            }
        }
    }

    private void dispatch(Object event) {
        switch (event) {
            case Tick t -> {
                taken++;  // only this bot's events write it; the shard reads it between them
                kernel.onTick(t);
                ticks.handled(t);
            }
            case Candle c -> {
                taken++;
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
