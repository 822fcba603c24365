package dev.botfleet.server.dex;

import dev.botfleet.dex.mempool.MempoolEvent;
import dev.botfleet.dex.mempool.MempoolWatch;
import dev.botfleet.dex.mempool.WatchedPool;
import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.activity.LogLevel;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.runtime.TradingRuntime;
import dev.botfleet.server.stream.EventStream;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mempool watch of running DEX bots: one {@link MempoolWatch} per network (opened when its first bot starts),
 * watching every Uniswap pool of each running bot's pair. Each event on a bot's pool is kept in the bot's recent list
 * ({@code GET /bots/{id}/mempool}), handed to the bot's strategy as a {@code MarketAlert} (through its mailbox, like
 * its ticks), sent on the owner's event stream as {@code "mempool"}, and, when large
 * ({@link MempoolProperties#logShare()}), written to the bot's activity log. {@link MempoolGuard} reads the pending
 * liquidity removals from here.
 */
@Component
class DexMempool {
    private static final Logger log = LoggerFactory.getLogger(DexMempool.class);

    private final MempoolProperties properties;
    private final ActivityLogService activity;
    private final EventStream stream;
    private final Clock clock;
    /** Hands each event to the bot's strategy; lazily, because the runtime builds bots through this package. */
    private final org.springframework.beans.factory.ObjectProvider<TradingRuntime> runtime;
    private final Map<String, MempoolWatch> watches = new HashMap<>();
    private final Map<UUID, Watching> running = new ConcurrentHashMap<>();
    private final Map<UUID, Deque<Seen>> recent = new ConcurrentHashMap<>();

    private record Watching(Bot bot, DexMarket market, String network, List<WatchedPool> pools, MempoolWatch watch) {}

    /** An event as it reached the bot, and its view. */
    record Seen(MempoolEvent event, MempoolEventView view) {}

    DexMempool(MempoolProperties properties, ActivityLogService activity, EventStream stream, Clock clock,
               org.springframework.beans.factory.ObjectProvider<TradingRuntime> runtime) {
        this.runtime = runtime;
        this.properties = properties;
        this.activity = activity;
        this.stream = stream;
        this.clock = clock;
    }

    /**
     * Starts watching the pools of the bot's market; returns the release. If the network's pending transactions cannot
     * be watched, the bot runs without (a warning in its activity log says so) and the guard sees nothing.
     */
    synchronized Runnable acquire(Bot bot, DexMarket market, DexNetworks.Configured network) {
        try {
            String name = network.network.name();
            MempoolWatch watch = watches.get(name);
            if (watch == null) {
                watch = MempoolWatch.start(network.connection().web3j(), network.network.wsUrl().toString(),
                        network.contracts, MempoolWatch.Options.DEFAULTS, event -> route(name, event));
                watches.put(name, watch);
            }
            List<WatchedPool> pools = WatchedPool.allOf(network.quoter().pools(), market.baseToken(), market.quoteToken());
            watch.watch(pools);
            running.put(bot.id(), new Watching(bot, market, name, pools, watch));
        } catch (RuntimeException e) {
            log.warn("mempool watch for bot {} unavailable: {}", bot.id(), e.getMessage());
            activity.record(bot.ownerId(), bot.id(), LogLevel.WARNING, "The mempool watch is unavailable ("
                    + e.getMessage() + "): pending swaps and liquidity removals are not seen by this run");
        }
        return () -> release(bot.id());
    }

    private synchronized void release(UUID botId) {
        Watching gone = running.remove(botId);
        if (gone == null) return;
        Set<WatchedPool> stillUsed = new HashSet<>();
        running.values().stream().filter(w -> w.network().equals(gone.network())).forEach(w -> stillUsed.addAll(w.pools()));
        gone.watch().unwatch(gone.pools().stream().filter(p -> !stillUsed.contains(p)).toList());
    }

    private void route(String network, MempoolEvent event) {
        for (Watching w : running.values()) {
            if (!w.network().equals(network) || !w.pools().contains(event.pool())) continue;
            MempoolEventView view = MempoolEventView.of(w.bot().id(), clock.instant(), event, w.market(),
                    properties.logShare());
            Deque<Seen> list = recent.computeIfAbsent(w.bot().id(), id -> new ArrayDeque<>());
            synchronized (list) {
                list.addFirst(new Seen(event, view));
                while (list.size() > properties.recentEvents()) list.removeLast();
            }
            try {
                // to the strategy first, through the bot's mailbox like its ticks (the bot's single writer)
                TradingRuntime bots = runtime.getIfAvailable();
                if (bots != null) bots.alert(w.bot().id(), MempoolEventView.alert(event, view, w.market()));
                stream.publish(w.bot().ownerId(), "mempool", view);
                if (view.large()) {
                    activity.record(w.bot().ownerId(), w.bot().id(),
                            view.kind().equals("LIQUIDITY_REMOVAL") ? LogLevel.WARNING : LogLevel.INFO, view.logLine());
                }
            } catch (RuntimeException e) {
                log.warn("mempool event of bot {} not published: {}", w.bot().id(), e.getMessage());
            }
        }
    }

    /** The bot's recent events, newest first (kept after it stops, until the server restarts). */
    List<Seen> recent(UUID botId) {
        Deque<Seen> list = recent.get(botId);
        if (list == null) return List.of();
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    /** Whether the node still holds the transaction unmined; false when the bot is not running (nothing to ask). */
    boolean stillPending(UUID botId, String txHash) {
        Watching w = running.get(botId);
        return w != null && w.watch().isPending(txHash);
    }

    /**
     * What the bot's watch saw that raises its token's risk score ({@code MempoolRisk}): liquidity removals on its
     * pools and swaps selling its base token, whose transactions the node still holds unmined (asked now; one the node
     * does not answer about counts — the safe side). Empty when the bot is not running: nothing is watched then.
     */
    java.util.Optional<List<MempoolEvent>> pendingRisks(UUID botId) {
        Watching w = running.get(botId);
        if (w == null) return java.util.Optional.empty();
        List<MempoolEvent> out = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        for (Seen seen : recent(botId)) {
            MempoolEvent e = seen.event();
            boolean matters = e instanceof MempoolEvent.PendingLiquidityRemoval
                    || (e instanceof MempoolEvent.PendingSwap s && s.tokenIn().equalsIgnoreCase(w.market().baseToken()));
            if (!matters || !asked.add(e.txHash() + "|" + e.pool().address())) continue;
            boolean pending;
            try {
                pending = w.watch().isPending(e.txHash());
            } catch (RuntimeException unanswered) {
                pending = true;
            }
            if (pending) out.add(e);
        }
        return java.util.Optional.of(out);
    }

    @PreDestroy
    synchronized void close() {
        watches.values().forEach(MempoolWatch::close);
        watches.clear();
    }
}
