package dev.botfleet.server.dex;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.risk.TokenRiskReport;
import dev.botfleet.dex.risk.TokenRiskScorer;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token risk reports for the API and the bots' risk gates, kept for {@link #FRESH_FOR}: a report costs dozens of
 * calls (the creation-block search, the Transfer logs), and a token's risk does not change between two buys a few
 * seconds apart, while a report older than that could miss a pool being drained.
 */
@Component
class DexRisk {
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 1_000;

    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    private record Key(String network, String token, String quoteToken, BigInteger size, Set<Check> checks) {
    }

    private record Cached(TokenRiskReport report, Instant freshUntil) {
    }

    DexRisk(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws RuntimeException when the node cannot be reached or answers nonsense (the caller says so in words)
     */
    TokenRiskReport report(DexNetworks.Configured network, String token, String quoteToken, BigInteger sizeInQuoteUnits,
                           Set<Check> checks) {
        Key key = new Key(network.network.name(), token.toLowerCase(Locale.ROOT), quoteToken.toLowerCase(Locale.ROOT),
                sizeInQuoteUnits, Set.copyOf(EnumSet.copyOf(checks)));
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.freshUntil())) return cached.report();
        TokenRiskReport report = new TokenRiskScorer(network.connection().reader(), network.contracts,
                TokenRiskScorer.Limits.DEFAULT).assess(token, quoteToken, sizeInQuoteUnits, checks);
        if (cache.size() >= MAX_ENTRIES) cache.values().removeIf(c -> !now.isBefore(c.freshUntil()));
        cache.put(key, new Cached(report, now.plus(FRESH_FOR)));
        return report;
    }
}
