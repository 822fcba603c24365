package dev.botfleet.server.dex;

import dev.botfleet.dex.uniswap.PoolPriceFeed;
import dev.botfleet.dex.uniswap.PoolPrices;
import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapPools;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The market data of DEX markets: while at least one bot runs on a market, the price pool's Swap events (V2: the Sync
 * before each Swap) are followed block by block and every new price is published to the {@link MarketDataHub} as a
 * {@link Tick} of {@code dex:<network>} {@code BASE/QUOTE}, in quote tokens per base token. The price pool is the V2
 * pair when there is one, else the first V3 fee tier with a pool (0.01 %, 0.05 %, 0.30 %, 1 %).
 */
@Component
class DexFeeds {
    private static final Logger log = LoggerFactory.getLogger(DexFeeds.class);

    private final MarketDataHub hub;
    private final Clock clock;
    private final Map<String, Followed> followed = new HashMap<>();

    private static final class Followed {
        final PoolPriceFeed feed;
        int users;

        Followed(PoolPriceFeed feed) {
            this.feed = feed;
        }
    }

    DexFeeds(MarketDataHub hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    /** Starts following the market's price pool (or counts one more user of it); returns the release. */
    synchronized Runnable acquire(DexMarket market, DexNetworks.Configured network) {
        String key = market.exchange() + "|" + market.symbol();
        Followed f = followed.get(key);
        if (f == null) {
            f = new Followed(follow(market, network));
            followed.put(key, f);
        }
        f.users++;
        return () -> release(key);
    }

    private synchronized void release(String key) {
        Followed f = followed.get(key);
        if (f == null || --f.users > 0) return;
        followed.remove(key);
        try {
            f.feed.close();
        } catch (Exception e) {
            log.warn("closing the pool feed of {}: {}", key, e.getMessage());
        }
    }

    private PoolPriceFeed follow(DexMarket market, DexNetworks.Configured network) {
        UniswapPools pools = network.quoter().pools();
        Route.Protocol protocol = Route.Protocol.V2;
        String pool = pools.v2Pair(market.baseToken(), market.quoteToken()).orElse(null);
        for (int fee : Route.V3_FEE_TIERS) {
            if (pool != null) break;
            pool = pools.v3Pool(market.baseToken(), market.quoteToken(), fee).orElse(null);
            protocol = Route.Protocol.V3;
        }
        if (pool == null) {
            throw new IllegalStateException("no Uniswap pool for " + market.symbol() + " on " + market.network());
        }
        boolean baseIsToken0 = market.baseToken().toLowerCase(Locale.ROOT)
                .compareTo(market.quoteToken().toLowerCase(Locale.ROOT)) < 0;
        return PoolPriceFeed.follow(network.connection(), protocol, pool, price -> publish(market, baseIsToken0, price));
    }

    private void publish(DexMarket market, boolean baseIsToken0, PoolPrices.PoolPrice price) {
        hub.publish(new Tick(market.exchange(), market.symbol(), clock.millis(),
                price(market, baseIsToken0, price).doubleValue(), 0));
    }

    /** Quote tokens per base token, rounded to the quote token's units. */
    static BigDecimal price(DexMarket market, boolean baseIsToken0, PoolPrices.PoolPrice price) {
        BigDecimal unitsPerUnit = baseIsToken0 ? price.token1PerToken0()
                : BigDecimal.ONE.divide(price.token1PerToken0(), MathContext.DECIMAL128);
        return unitsPerUnit.scaleByPowerOfTen(market.baseDecimals() - market.quoteDecimals())
                .setScale(market.quoteDecimals(), RoundingMode.HALF_EVEN);
    }
}
