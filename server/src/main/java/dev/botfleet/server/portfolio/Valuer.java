package dev.botfleet.server.portfolio;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.List;

/**
 * Converts an amount of one asset into a quote currency at the last prices of one exchange. The route, first that
 * works: the same asset (1); the direct pair ASSET/QUOTE; the inverse pair QUOTE/ASSET; through USDT (ASSET to USDT,
 * USDT to QUOTE, each leg a direct or inverse pair); and only when no pair serves, through a stablecoin (USDT, USDC,
 * USD in that order) where the stablecoins count 1 to each other: ASSET/USDC and USDC taken as 1 USDT. An asset no route reaches has no rate and a reason, never a silent 0.
 *
 * <p>An inverse price is divided to 34 significant digits (DECIMAL128); everything else is exact.
 */
final class Valuer {
    /** The last price of a market, if one is known. */
    interface Prices {
        Optional<BigDecimal> last(String exchange, String symbol);
    }

    static final String HUB = "USDT";
    /** Tried in this order as the middle of a route when no pair route exists. */
    static final List<String> STABLECOINS = List.of("USDT", "USDC", "USD");

    /** A rate: units of quote per unit of asset, or null with the reason. */
    record Rate(BigDecimal price, String reason) {
        static Rate of(BigDecimal price) {
            return new Rate(price, null);
        }

        boolean known() {
            return price != null;
        }

        /** amount × rate, or null when the rate is unknown. */
        BigDecimal value(BigDecimal amount) {
            return price == null ? null : amount.multiply(price);
        }
    }

    private final Prices prices;

    Valuer(Prices prices) {
        this.prices = prices;
    }

    Rate rate(String exchange, String asset, String quote) {
        Optional<BigDecimal> direct = pair(exchange, asset, quote, false);
        if (direct.isPresent()) return Rate.of(direct.get());
        Optional<BigDecimal> viaHub = pair(exchange, asset, HUB, false)
                .flatMap(a -> pair(exchange, HUB, quote, false).map(a::multiply));
        if (viaHub.isPresent()) return Rate.of(viaHub.get());
        for (String coin : STABLECOINS) {
            Optional<BigDecimal> stable = pair(exchange, asset, coin, true)
                    .flatMap(a -> pair(exchange, coin, quote, true).map(a::multiply));
            if (stable.isPresent()) return Rate.of(stable.get());
        }
        return new Rate(null, "no price for " + asset + "/" + quote + " on " + exchange
                + ", directly, inverted or through " + HUB);
    }

    /** One leg: same asset, direct pair, inverse pair, and with {@code stable} two stablecoins at 1. */
    private Optional<BigDecimal> pair(String exchange, String from, String to, boolean stable) {
        if (from.equals(to)) return Optional.of(BigDecimal.ONE);
        Optional<BigDecimal> direct = prices.last(exchange, from + "/" + to).filter(p -> p.signum() > 0);
        if (direct.isPresent()) return direct;
        Optional<BigDecimal> inverse = prices.last(exchange, to + "/" + from).filter(p -> p.signum() > 0)
                .map(p -> BigDecimal.ONE.divide(p, MathContext.DECIMAL128));
        if (inverse.isPresent()) return inverse;
        if (stable && STABLECOINS.contains(from) && STABLECOINS.contains(to)) return Optional.of(BigDecimal.ONE);
        return Optional.empty();
    }
}
