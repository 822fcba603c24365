package dev.botfleet.exchanges.binance;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.RateLimiter;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Binance's reference data: {@code /api/v3/exchangeInfo} symbols and their filters (filters.md: PRICE_FILTER
 * tickSize, LOT_SIZE stepSize/minQty, NOTIONAL or the older MIN_NOTIONAL minNotional), its {@code rateLimits} array
 * (enums.md "Rate limiters"), and kline rows.
 */
final class BinanceReferenceData {
    /**
     * exchangeInfo carries no fees; an account's own rates come from {@code /api/v3/account/commission}. Until then
     * instruments carry Binance's regular spot rate, 0.1% maker and taker.
     */
    static final BigDecimal DEFAULT_FEE = new BigDecimal("0.001");

    private BinanceReferenceData() {
    }

    static List<VenueInstrument> instruments(JsonNode exchangeInfo) {
        List<VenueInstrument> out = new ArrayList<>();
        for (JsonNode s : exchangeInfo.path("symbols")) {
            BigDecimal tick = null, step = null, minQty = null, minNotional = BigDecimal.ZERO;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asString("")) {
                    case "PRICE_FILTER" -> tick = decimal(f, "tickSize");
                    case "LOT_SIZE" -> {
                        step = decimal(f, "stepSize");
                        minQty = decimal(f, "minQty");
                    }
                    case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = decimal(f, "minNotional");
                    default -> {
                        // other filters (PERCENT_PRICE, MAX_NUM_ORDERS, ...) are enforced by the venue
                    }
                }
            }
            if (tick == null || step == null || tick.signum() == 0 || step.signum() == 0) continue; // not orderable by us
            String base = s.path("baseAsset").asString();
            String quote = s.path("quoteAsset").asString();
            Instrument instrument = new Instrument(BinanceRules.VENUE, base + "/" + quote, base, quote,
                    tick.stripTrailingZeros(), step.stripTrailingZeros(), minQty.stripTrailingZeros(),
                    minNotional.stripTrailingZeros(), DEFAULT_FEE, DEFAULT_FEE);
            out.add(new VenueInstrument(instrument, s.path("symbol").asString(),
                    "TRADING".equals(s.path("status").asString(""))));
        }
        return out;
    }

    /**
     * Applies the venue's published limits: REQUEST_WEIGHT windows to the address-wide limiter, ORDERS windows to the
     * account's (either may be null). RAW_REQUESTS is not modelled: the weight limit is always the tighter one.
     */
    static void applyRateLimits(JsonNode exchangeInfo, RateLimiter ipLimiter, RateLimiter orderLimiter) {
        for (JsonNode r : exchangeInfo.path("rateLimits")) {
            String type = r.path("rateLimitType").asString("");
            int num = r.path("intervalNum").asInt(1);
            String interval = r.path("interval").asString("");
            long unit = switch (interval) {
                case "SECOND" -> 1_000L;
                case "MINUTE" -> 60_000L;
                case "HOUR" -> 3_600_000L;
                case "DAY" -> 86_400_000L;
                default -> 0L;
            };
            if (unit == 0) continue;
            String name = type + "_" + num + interval.substring(0, 1).toUpperCase(Locale.ROOT);
            int limit = r.path("limit").asInt();
            if (type.equals("REQUEST_WEIGHT") && ipLimiter != null) {
                ipLimiter.limit(name, RateLimiter.Counts.WEIGHT, num * unit, limit);
            } else if (type.equals("ORDERS") && orderLimiter != null) {
                // An order sent just before a short window ends may be counted by the venue in the next one; one slot
                // of headroom keeps such a straggler from making the next window's burst one too many.
                int allowed = num * unit <= 10_000 ? Math.max(1, limit - 1) : limit;
                orderLimiter.limit(name, RateLimiter.Counts.ORDERS, num * unit, allowed);
            }
        }
    }

    /** One row of {@code /api/v3/klines}: [openTime, open, high, low, close, volume, closeTime, ...]. */
    static Candle candle(String symbol, JsonNode row) {
        return new Candle(BinanceRules.VENUE, symbol, Timeframe.M1, row.get(0).asLong(),
                number(row.get(1)), number(row.get(2)), number(row.get(3)), number(row.get(4)), number(row.get(5)));
    }

    /** Binance sends decimals as strings; market data is {@code double} from here on. */
    static double number(JsonNode n) {
        return Double.parseDouble(n.asString());
    }

    static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asString());
    }
}
