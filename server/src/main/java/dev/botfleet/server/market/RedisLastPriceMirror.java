package dev.botfleet.server.market;

import dev.botfleet.engine.market.Tick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Mirrors every last price to Redis hash {@code ltp:<exchange>:<symbol>} (fields price, timestamp), and USDT markets
 * also in the shared layout ({@link SharedLtpLayout}: {@code binance_spot:ETH} with ltp, timestamp), so other processes
 * can read prices without asking this server. Errors are logged, never passed on: Redis is a copy, not the source.
 */
@Component
@ConditionalOnProperty(name = "botfleet.redis.enabled", havingValue = "true")
public class RedisLastPriceMirror implements LastPriceMirror {
    private static final Logger log = LoggerFactory.getLogger(RedisLastPriceMirror.class);
    private final StringRedisTemplate redis;
    private volatile long lastFailureLogged;

    public RedisLastPriceMirror(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void onTick(Tick tick) {
        try {
            String price = BigDecimal.valueOf(tick.price()).toPlainString();
            String timestamp = Long.toString(tick.timestamp());
            redis.opsForHash().putAll("ltp:" + tick.exchange() + ":" + tick.symbol(), Map.of(
                    "price", price, "timestamp", timestamp));
            // The layout other processes of this kind read (spot markets: no funding rate).
            SharedLtpLayout.key(tick.exchange(), tick.symbol()).ifPresent(key -> redis.opsForHash().putAll(key,
                    Map.of(SharedLtpLayout.PRICE, price, SharedLtpLayout.TIMESTAMP, timestamp)));
        } catch (RuntimeException e) {
            if (tick.timestamp() - lastFailureLogged > 60_000) {
                lastFailureLogged = tick.timestamp();
                log.warn("Cannot mirror last prices to Redis: {}", e.getMessage());
            }
        }
    }
}
