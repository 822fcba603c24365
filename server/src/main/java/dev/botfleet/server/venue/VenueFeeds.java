package dev.botfleet.server.venue;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.server.market.CandleHistory;
import dev.botfleet.server.market.LastPriceMirror;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real market data for the bots that need it: one venue stream per market that at least one running bot trades
 * (paper or live), publishing trades into the hub and closed 1m candles into the hub and the candle history. The
 * first subscriber also loads the recent candles from REST, so strategies warm up on real history.
 */
@Component
public class VenueFeeds {
    private static final Logger log = LoggerFactory.getLogger(VenueFeeds.class);
    /** As much history as CandleHistory keeps for a market. */
    private static final Duration HISTORY = Duration.ofDays(4);

    private final VenueRegistry venues;
    private final MarketDataHub hub;
    private final CandleHistory history;
    private final Clock clock;
    private final List<LastPriceMirror> mirrors;
    private final Map<String, Feed> feeds = new HashMap<>();

    public VenueFeeds(VenueRegistry venues, MarketDataHub hub, CandleHistory history, Clock clock,
                      List<LastPriceMirror> mirrors) {
        this.venues = venues;
        this.hub = hub;
        this.history = history;
        this.clock = clock;
        this.mirrors = List.copyOf(mirrors);
    }

    private static final class Feed {
        StreamHandle stream;
        int users;
    }

    /** Starts (or joins) the feed of one market. Each call is paired with one {@link #release}. */
    public synchronized void acquire(String venue, VenueInstrument instrument) {
        String key = venue + " " + instrument.symbol();
        Feed feed = feeds.computeIfAbsent(key, k -> new Feed());
        feed.users++;
        if (feed.stream != null) return;
        VenueRegistry.Entry entry = venues.find(venue).orElseThrow();
        loadHistory(entry, instrument);
        feed.stream = entry.marketData().openMarketStream(Set.of(instrument), new MarketStreamListener() {
            @Override public void onTick(Tick tick) {
                hub.publish(tick);
                for (LastPriceMirror m : mirrors) m.onTick(tick);
            }

            @Override public void onCandle(Candle candle) {
                history.add(candle);
                hub.publish(candle);
            }

            @Override public void onDisconnected(String reason) {
                log.warn("{} {} market stream away: {}", venue, instrument.symbol(), reason);
            }
        });
    }

    public synchronized void release(String venue, String symbol) {
        String key = venue + " " + symbol;
        Feed feed = feeds.get(key);
        if (feed == null) return;
        if (--feed.users <= 0) {
            if (feed.stream != null) feed.stream.close();
            feeds.remove(key);
        }
    }

    /** Whether the market's stream is up (for the dashboard and tests). */
    public synchronized boolean streaming(String venue, String symbol) {
        Feed feed = feeds.get(venue + " " + symbol);
        return feed != null && feed.stream != null && feed.stream.connected();
    }

    private void loadHistory(VenueRegistry.Entry entry, VenueInstrument instrument) {
        Instant to = clock.instant();
        Instant from = to.minus(HISTORY);
        // What an earlier feed of this market already loaded is not asked for again.
        List<Candle> known = history.since(entry.venue().id(), instrument.symbol(), from.toEpochMilli());
        if (!known.isEmpty()) from = Instant.ofEpochMilli(known.getLast().openTime() + 60_000);
        try {
            while (from.isBefore(to)) {
                List<Candle> page = entry.marketData().klines(instrument, from, to, 1000);
                if (page.isEmpty()) break;
                page.forEach(history::add);
                from = Instant.ofEpochMilli(page.getLast().openTime() + 60_000);
            }
        } catch (RuntimeException e) {
            log.warn("{} {}: recent candles not loaded: {}", entry.venue().id(), instrument.symbol(), e.getMessage());
        }
    }
}
