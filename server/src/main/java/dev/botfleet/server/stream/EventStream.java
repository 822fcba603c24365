package dev.botfleet.server.stream;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.activity.ActivityLog;
import dev.botfleet.server.activity.ActivityLogController;
import dev.botfleet.server.bot.BotChanged;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.bot.BotViews;
import dev.botfleet.server.common.LazyBean;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.server.market.Prices;
import dev.botfleet.server.user.TokensRevoked;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans events out to connected clients: each user only ever gets events of their own bots, and ticks only of the
 * markets they subscribed to. Messages are {@code {"type": ..., "data": ...}} (docs/api/stream.md, "Event stream").
 * Publishing is an enqueue per session; nothing here waits for a client. Ticks and bot snapshots are state (a newer
 * one replaces the one still waiting); every other message is an event a connected client is guaranteed to get, or
 * its session is closed with a reason ({@link StreamSession}).
 */
@Component
public class EventStream {
    public record TickMessage(String exchange, String symbol, String price, Instant timestamp) {
    }

    private final Map<UUID, Set<StreamSession>> byOwner = new ConcurrentHashMap<>();
    private final Map<String, Set<StreamSession>> byMarket = new ConcurrentHashMap<>();
    private final Map<String, MarketDataHub.Subscription> feeds = new ConcurrentHashMap<>();
    private final MarketDataHub hub;
    private final ExchangeCatalog exchanges;
    private final BotRepository bots;
    private final BotViews views;
    private final JsonMapper json;

    private final Clock clock;
    private final int maxSessionsPerUser;
    /**
     * Only in a cluster: other nodes' clients of the same owners. Looked up once: the provider resolved it anew on
     * every event, parsing annotations each time — the largest allocation site in a profile of a trading fleet
     * (docs/fleet-scale.md, 2026-12-05).
     */
    private final LazyBean<StreamRelay> relays;
    private final StreamLimits limits;

    public EventStream(MarketDataHub hub, ExchangeCatalog exchanges, BotRepository bots, BotViews views, JsonMapper json,
                       Clock clock,
                       @Value("${botfleet.stream.max-sessions-per-user:10}") int maxSessionsPerUser,
                       @Value("${botfleet.stream.max-queued-events:10000}") int maxQueuedEvents,
                       @Value("${botfleet.stream.max-batch:500}") int maxBatch,
                       @Value("${botfleet.stream.send-timeout:10s}") java.time.Duration sendTimeout,
                       ObjectProvider<StreamRelay> relays) {
        this.relays = new LazyBean<>(relays);
        this.limits = new StreamLimits(maxQueuedEvents, maxBatch, sendTimeout);
        this.clock = clock;
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.hub = hub;
        this.exchanges = exchanges;
        this.bots = bots;
        this.views = views;
        this.json = json;
    }

    /**
     * True if this user has a client connected, here or (in a cluster) on another node: lets the runtime skip building
     * messages nobody reads.
     */
    public boolean watching(UUID ownerId) {
        if (watchingHere(ownerId)) return true;
        StreamRelay relay = relays.getIfAvailable();
        return relay != null && relay.watchedAnywhere(ownerId);
    }

    /** True if this user has a client connected to this server. */
    public boolean watchingHere(UUID ownerId) {
        Set<StreamSession> sessions = byOwner.get(ownerId);
        return sessions != null && !sessions.isEmpty();
    }

    /** Connected clients over all users (the stream-clients gauge; docs/operations.md). */
    public int clients() {
        int n = 0;
        for (Set<StreamSession> sessions : byOwner.values()) n += sessions.size();
        return n;
    }

    /** An event (order, trade, log, ...): every connected session of the owner gets it, or is closed with a reason. */
    public void publish(UUID ownerId, String type, Object data) {
        StreamRelay relay = relays.getIfAvailable();
        boolean here = watchingHere(ownerId);
        if (!here && (relay == null || !relay.watchedAnywhere(ownerId))) return;
        String text = message(type, data);
        if (here) deliver(ownerId, text);
        if (relay != null) relay.publish(ownerId, text);
    }

    /** A message for this node's clients of {@code ownerId} (published here, or relayed from another node). */
    public void deliver(UUID ownerId, String text) {
        Set<StreamSession> sessions = byOwner.get(ownerId);
        if (sessions == null) return;
        for (StreamSession s : sessions) s.offer(text);
    }

    /**
     * State under {@code key}: a session still holding an older message with the same key gets only this one. Other
     * nodes' clients get it as a plain event (the relay does not coalesce).
     */
    void publishLatest(UUID ownerId, String key, String type, Object data) {
        StreamRelay relay = relays.getIfAvailable();
        Set<StreamSession> sessions = byOwner.get(ownerId);
        boolean here = sessions != null && !sessions.isEmpty();
        if (!here && (relay == null || !relay.watchedAnywhere(ownerId))) return;
        String text = message(type, data);
        if (here) for (StreamSession s : sessions) s.offerLatest(key, text);
        if (relay != null) relay.publish(ownerId, text);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onLog(ActivityLog entry) {
        publish(entry.ownerId(), "log", ActivityLogController.LogResponse.of(entry));
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onBotChanged(BotChanged change) {
        if (!watching(change.ownerId())) return;
        bots.find(change.ownerId(), change.botId())
                .ifPresent(b -> publishLatest(b.ownerId(), "bot|" + b.id(), "bot", views.of(b)));
    }

    /** A revoked token must not keep a stream open: the account's sessions end with the reason (close 1008). */
    @TransactionalEventListener(fallbackExecution = true)
    public void onTokensRevoked(TokensRevoked revoked) {
        Set<StreamSession> sessions = byOwner.get(revoked.userId());
        if (sessions != null) for (StreamSession s : sessions) s.revoke(revoked.reason());
    }

    // ---------------------------------------------------------------- sessions (called by the WebSocket handler)

    /** @return the new session, or empty when the user already has {@code maxSessionsPerUser} open */
    Optional<StreamSession> open(org.springframework.web.socket.WebSocketSession socket, UUID ownerId, Instant tokenExpiry) {
        StreamSession[] opened = new StreamSession[1];
        byOwner.compute(ownerId, (k, sessions) -> {
            Set<StreamSession> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            if (set.size() < maxSessionsPerUser) {
                opened[0] = new StreamSession(socket, ownerId, limits, tokenExpiry, clock, this::close);
                set.add(opened[0]);
            }
            return set;
        });
        if (opened[0] != null) clientsChanged(ownerId);
        return Optional.ofNullable(opened[0]);
    }

    private void clientsChanged(UUID ownerId) {
        StreamRelay relay = relays.getIfAvailable();
        if (relay != null) relay.clientsChanged(ownerId);
    }

    int maxSessionsPerUser() {
        return maxSessionsPerUser;
    }

    void close(StreamSession session) {
        session.close();
        Set<StreamSession> sessions = byOwner.get(session.ownerId());
        if (sessions != null && sessions.remove(session)) clientsChanged(session.ownerId());
        for (String market : Set.copyOf(session.markets)) unsubscribe(session, market);
    }

    /** @return an error message for the client, or empty when subscribed */
    synchronized Optional<String> subscribe(StreamSession session, String exchange, String symbol) {
        Optional<Instrument> instrument = exchanges.find(exchange == null ? "" : exchange)
                .flatMap(e -> e.instrument(symbol == null ? "" : symbol));
        if (instrument.isEmpty()) return Optional.of("unknown market " + symbol + " on exchange '" + exchange + "'");
        String market = exchange + "|" + symbol;
        session.markets.add(market);
        byMarket.computeIfAbsent(market, k -> ConcurrentHashMap.newKeySet()).add(session);
        feeds.computeIfAbsent(market, k -> hub.subscribe(exchange, symbol, new TickRelay(market, instrument.get())));
        hub.last(exchange, symbol).ifPresent(t -> session.offerLatest("tick|" + market, tickText(instrument.get(), t)));
        return Optional.empty();
    }

    synchronized void unsubscribe(StreamSession session, String market) {
        session.markets.remove(market);
        Set<StreamSession> sessions = byMarket.get(market);
        if (sessions != null) sessions.remove(session);
        if (sessions == null || sessions.isEmpty()) {
            byMarket.remove(market);
            MarketDataHub.Subscription feed = feeds.remove(market);
            if (feed != null) feed.close();
        }
    }

    String message(String type, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("data", data);
        return json.writeValueAsString(message);
    }

    private String tickText(Instrument instrument, Tick t) {
        return message("tick", new TickMessage(t.exchange(), t.symbol(), Prices.format(instrument, t.price()),
                Instant.ofEpochMilli(t.timestamp())));
    }

    private final class TickRelay implements MarketDataListener {
        private final String market;
        private final Instrument instrument;

        TickRelay(String market, Instrument instrument) {
            this.market = market;
            this.instrument = instrument;
        }

        @Override
        public void onTick(Tick tick) {
            Set<StreamSession> sessions = byMarket.get(market);
            if (sessions == null || sessions.isEmpty()) return;
            String text = tickText(instrument, tick);
            String key = "tick|" + market;
            for (StreamSession s : sessions) s.offerLatest(key, text);
        }
    }
}
