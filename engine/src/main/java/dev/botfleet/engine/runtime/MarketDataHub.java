package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the last tick per exchange+symbol and fans ticks and candles out to subscribers (usually {@link BotRunner}s,
 * whose mailboxes make the fan-out a cheap enqueue). Thread-safe; publishing never waits for a subscriber to handle.
 *
 * <p><b>Sharded fan-out</b> ({@link #MarketDataHub(Executor)}): the hub groups each market's {@link BotRunner}
 * subscribers into shards of up to {@link #SHARD_SIZE} and publishes a tick once per shard; the shard's turn, on the
 * executor, hands the ticks to its bots (see {@link TickShard}). Give it the executor the bots run on. Each bot still
 * sees every tick that matters to it, in order, one event at a time (a tick its quiet band holds it takes only if it
 * was the last before its next event: {@link BotRunner}); what changes is that a tick reaches the bots after
 * {@code publish} returns, so its order relative to events the publishing thread sends straight to a bot afterwards
 * is not fixed. Other subscribers are called synchronously, as without shards.
 */
public final class MarketDataHub {
    /**
     * Bots per shard by default: small enough that a slow bot holds up few others, large enough to amortise a task per
     * tick. A fleet whose bots block inside their turns (an order intent waiting for its commit) wants smaller shards.
     */
    public static final int SHARD_SIZE = 64;

    private final class Topic {
        volatile Tick last;
        /** Called synchronously on publish, in subscription order. */
        final CopyOnWriteArrayList<MarketDataListener> subscribers = new CopyOnWriteArrayList<>();
        /** Bot runners fed through shards (only with a fan-out executor). */
        final CopyOnWriteArrayList<TickShard> shards = new CopyOnWriteArrayList<>();

        synchronized Subscription addRunner(BotRunner runner) {
            TickShard shard = null;
            for (TickShard s : shards) {
                if (s.members < shardSize) {
                    shard = s;
                    break;
                }
            }
            if (shard == null) {
                shard = new TickShard(fanOut, skipQuiet, shardSize);
                shards.add(shard);
            }
            shard.members++;
            runner.joined();
            shard.join(runner);
            TickShard joined = shard;
            // A bot stays in the shard it joined until it leaves: that is what keeps its ticks in order.
            AtomicBoolean closed = new AtomicBoolean();
            return () -> {
                if (closed.compareAndSet(false, true)) removeRunner(joined, runner);
            };
        }

        private synchronized void removeRunner(TickShard shard, BotRunner runner) {
            shard.members--;
            runner.left();
            shard.leave(runner);
        }

        int size() {
            int n = subscribers.size();
            for (TickShard s : shards) n += s.members;
            return n;
        }
    }

    /** Handle to end a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Topic>> topics = new ConcurrentHashMap<>();
    private final Executor fanOut;
    private final int shardSize;
    private final boolean skipQuiet;

    /** Fans out synchronously: {@code publish} calls every subscriber's {@code onTick} before it returns. */
    public MarketDataHub() {
        this.fanOut = null;
        this.shardSize = SHARD_SIZE;
        this.skipQuiet = false;
    }

    /** Sharded fan-out of ticks to {@link BotRunner}s on {@code fanOut}, which should be the bots' own executor. */
    public MarketDataHub(Executor fanOut) {
        this(fanOut, SHARD_SIZE);
    }

    /** The same with shards of up to {@code shardSize} bots. */
    public MarketDataHub(Executor fanOut, int shardSize) {
        this(fanOut, shardSize, true);
    }

    /**
     * @param skipQuiet hand a bot no tick its kernel's {@link dev.botfleet.engine.market.QuietBand} holds (see
     *                  {@link BotRunner}); false visits every bot on every tick
     */
    public MarketDataHub(Executor fanOut, int shardSize, boolean skipQuiet) {
        if (shardSize < 1) throw new IllegalArgumentException("shardSize must be at least 1, was " + shardSize);
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.shardSize = shardSize;
        this.skipQuiet = skipQuiet;
    }

    private Topic topic(String exchange, String symbol) {
        return topics.computeIfAbsent(exchange, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(symbol, s -> new Topic());
    }

    public Subscription subscribe(String exchange, String symbol, MarketDataListener listener) {
        Topic t = topic(exchange, symbol);
        if (fanOut != null && listener instanceof BotRunner runner) {
            return t.addRunner(runner);
        }
        t.subscribers.add(listener);
        return () -> t.subscribers.remove(listener);
    }

    /**
     * Records the tick as the market's last price and hands it to every subscriber: synchronously in subscription
     * order, or (bot runners, with a fan-out executor) by one enqueue per shard.
     */
    public void publish(Tick tick) {
        Topic t = topic(tick.exchange(), tick.symbol());
        t.last = tick;
        for (TickShard s : t.shards) s.post(tick);
        for (MarketDataListener l : t.subscribers) l.onTick(tick);
    }

    /** Like ticks; bot runners in shards get candles through the same shard, so ticks and candles stay in order. */
    public void publish(Candle candle) {
        Topic t = topic(candle.exchange(), candle.symbol());
        for (TickShard s : t.shards) s.post(candle);
        for (MarketDataListener l : t.subscribers) l.onCandle(candle);
    }

    /** The last tick of a market, if any was published. */
    public Optional<Tick> last(String exchange, String symbol) {
        var bySymbol = topics.get(exchange);
        Topic t = bySymbol == null ? null : bySymbol.get(symbol);
        return t == null ? Optional.empty() : Optional.ofNullable(t.last);
    }

    public int subscribers(String exchange, String symbol) {
        return topic(exchange, symbol).size();
    }
}
