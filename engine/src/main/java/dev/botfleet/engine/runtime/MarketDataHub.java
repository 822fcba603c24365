package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the last tick per exchange+symbol and fans ticks and candles out to subscribers (usually {@link BotRunner}s,
 * whose mailboxes make the fan-out a cheap enqueue). Thread-safe; publishing never waits for a subscriber to handle.
 */
public final class MarketDataHub {
    private static final class Topic {
        volatile Tick last;
        final CopyOnWriteArrayList<MarketDataListener> subscribers = new CopyOnWriteArrayList<>();
    }

    /** Handle to end a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Topic>> topics = new ConcurrentHashMap<>();

    private Topic topic(String exchange, String symbol) {
        return topics.computeIfAbsent(exchange, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(symbol, s -> new Topic());
    }

    public Subscription subscribe(String exchange, String symbol, MarketDataListener listener) {
        Topic t = topic(exchange, symbol);
        t.subscribers.add(listener);
        return () -> t.subscribers.remove(listener);
    }

    /** Records the tick as the market's last price and hands it to every subscriber, in subscription order. */
    public void publish(Tick tick) {
        Topic t = topic(tick.exchange(), tick.symbol());
        t.last = tick;
        for (MarketDataListener l : t.subscribers) l.onTick(tick);
    }

    public void publish(Candle candle) {
        Topic t = topic(candle.exchange(), candle.symbol());
        for (MarketDataListener l : t.subscribers) l.onCandle(candle);
    }

    /** The last tick of a market, if any was published. */
    public Optional<Tick> last(String exchange, String symbol) {
        var bySymbol = topics.get(exchange);
        Topic t = bySymbol == null ? null : bySymbol.get(symbol);
        return t == null ? Optional.empty() : Optional.ofNullable(t.last);
    }

    public int subscribers(String exchange, String symbol) {
        return topic(exchange, symbol).subscribers.size();
    }
}
