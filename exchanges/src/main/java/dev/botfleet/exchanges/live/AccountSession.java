package dev.botfleet.exchanges.live;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.VenuePosition;
import dev.botfleet.exchanges.UserStreamListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One venue account (one stored key) shared by every bot that trades with it: one user-data stream, one balance cache,
 * and the routing of each order event to the bot whose client-id prefix it carries.
 */
public final class AccountSession implements UserStreamListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountSession.class);

    private final TradingClient client;
    private final Map<String, LivePort> ports = new ConcurrentHashMap<>();
    private final Map<String, Balance> balances = new ConcurrentHashMap<>();
    /** Who wants a perpetual's position updates (liquidation price, size), by our symbol. */
    private final Map<String, java.util.List<java.util.function.Consumer<VenuePosition>>> positionWatchers =
            new ConcurrentHashMap<>();
    private volatile StreamHandle stream;
    private volatile String streamProblem;
    /** How often the user stream has gone live (the first time included): 1 + reconnects. */
    private final java.util.concurrent.atomic.AtomicLong timesLive = new java.util.concurrent.atomic.AtomicLong();

    public AccountSession(TradingClient client) {
        this.client = client;
    }

    public String venue() { return client.venue(); }

    public TradingClient client() { return client; }

    /** Opens the user stream and loads balances once; bots may then register. */
    public synchronized void open() {
        if (stream != null) return;
        client.account().balances().forEach(b -> balances.put(b.asset(), b));
        stream = client.openUserStream(this);
    }

    public boolean streaming() {
        StreamHandle s = stream;
        return s != null && s.connected();
    }

    /** How often the user stream has gone live and its open orders were backfilled; 0 until it first does. */
    public long timesLive() { return timesLive.get(); }

    /** Why the stream is away, or null while it is up. */
    public String streamProblem() { return streamProblem; }

    public Optional<Balance> balance(String asset) {
        Balance b = balances.get(asset);
        return Optional.of(b == null ? new Balance(asset, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO) : b);
    }

    public int bots() { return ports.size(); }

    void register(String prefix, LivePort port) { ports.put(prefix, port); }

    void unregister(String prefix, LivePort port) { ports.remove(prefix, port); }

    @Override
    public void onOrderEvent(String symbol, OrderEvent event) {
        String venueId = event.clientOrderId();
        for (Map.Entry<String, LivePort> e : ports.entrySet()) {
            if (venueId != null && venueId.startsWith(e.getKey())) {
                e.getValue().onVenueEvent(venueId, event);
                return;
            }
        }
        log.debug("{}: event for an order of no running bot ({})", venue(), event.getClass().getSimpleName());
    }

    /** Tells {@code watcher} of every position update the user stream reports for {@code symbol}; returns its removal. */
    public Runnable watchPosition(String symbol, java.util.function.Consumer<VenuePosition> watcher) {
        positionWatchers.computeIfAbsent(symbol, s -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(watcher);
        return () -> positionWatchers.getOrDefault(symbol, java.util.List.of()).remove(watcher);
    }

    @Override
    public void onPosition(VenuePosition position) {
        for (var watcher : positionWatchers.getOrDefault(position.symbol(), java.util.List.of())) {
            try {
                watcher.accept(position);
            } catch (RuntimeException e) {
                log.warn("{}: a position watcher failed: {}", venue(), e.toString());
            }
        }
    }

    @Override
    public void onBalance(Balance balance) {
        balances.put(balance.asset(), balance);
    }

    @Override
    public void onDisconnected(String reason) {
        streamProblem = reason;
    }

    @Override
    public void onStreamLive(boolean afterDrop) {
        streamProblem = null;
        // Fills made while the stream was away, or before it first went live, are fetched by query; after a drop the
        // balances too (the first time, open() has just loaded them).
        if (afterDrop) {
            try {
                client.account().balances().forEach(b -> balances.put(b.asset(), b));
            } catch (RuntimeException e) {
                log.warn("{}: balances not refreshed after reconnect: {}", venue(), e.getMessage());
            }
        }
        ports.values().forEach(LivePort::backfill);
        timesLive.incrementAndGet();
    }

    @Override
    public synchronized void close() {
        if (stream != null) stream.close();
        stream = null;
        client.close();
    }
}
