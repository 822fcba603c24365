package dev.botfleet.server.market;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Reads last prices from Redis: our own hash {@code ltp:<exchange>:<symbol>} first, then the shared layout
 * ({@link SharedLtpLayout}) that other processes of this kind fill. A value that is not a positive decimal, or a
 * hash without a readable timestamp, counts as no price. Redis being down counts as no price too (logged).
 */
@Component
@ConditionalOnProperty(name = "botfleet.redis.enabled", havingValue = "true")
public class RedisLastPrices implements ExternalLastPrices {
    private static final Logger log = LoggerFactory.getLogger(RedisLastPrices.class);
    private final StringRedisTemplate redis;

    public RedisLastPrices(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Price> last(String exchange, String symbol) {
        try {
            Optional<Price> ours = read("ltp:" + exchange + ":" + symbol, "price", null);
            if (ours.isPresent()) return ours;
            return SharedLtpLayout.key(exchange, symbol).flatMap(key -> read(key, SharedLtpLayout.PRICE,
                    SharedLtpLayout.FUNDING_RATE));
        } catch (RuntimeException e) {
            log.warn("Cannot read last prices from Redis: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Price> read(String key, String priceField, String fundingField) {
        Map<Object, Object> hash = redis.opsForHash().entries(key);
        if (hash.isEmpty()) return Optional.empty();
        String price = text(hash.get(priceField));
        Long timestamp = SharedLtpLayout.millis(text(hash.get(SharedLtpLayout.TIMESTAMP)));
        if (price == null || timestamp == null) return Optional.empty();
        try {
            if (new BigDecimal(price).signum() <= 0) return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String funding = fundingField == null ? null : text(hash.get(fundingField));
        return Optional.of(new Price(price, funding, timestamp));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
