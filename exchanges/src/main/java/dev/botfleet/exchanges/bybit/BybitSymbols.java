package dev.botfleet.exchanges.bybit;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bybit's spot pairs and their names both ways ({@code BTC/USDT} <-> {@code BTCUSDT}), built from
 * GET /v5/market/instruments-info?category=spot (https://bybit-exchange.github.io/docs/v5/market/instrument):
 * priceFilter.tickSize is the tick, lotSizeFilter.basePrecision the quantity step, minOrderQty the minimum quantity
 * (documented as deprecated in favour of minOrderAmt, still listed), minOrderAmt the minimum order value, and status
 * "Trading" means orders are accepted.
 *
 * <p>Fees: instruments-info carries none and the public side has no key, so instruments get Bybit's standard spot
 * rate of 0.1% maker and taker (its fee schedule for non-VIP accounts, not stated in the API docs); a key's own rates
 * are at GET /v5/account/fee-rate.
 */
final class BybitSymbols {
    static final BigDecimal DEFAULT_FEE = new BigDecimal("0.001");

    private final Map<String, VenueInstrument> byVenue = new ConcurrentHashMap<>();
    private final Map<String, VenueInstrument> byOurs = new ConcurrentHashMap<>();
    private final Supplier<JsonNode> loader;

    /** @param loader fetches the instruments-info result (the adapter's public REST call) */
    BybitSymbols(Supplier<JsonNode> loader) {
        this.loader = loader;
    }

    /** Loads the list afresh and remembers every name in it. */
    List<VenueInstrument> load() {
        List<VenueInstrument> all = parse(loader.get());
        for (VenueInstrument vi : all) {
            byVenue.put(vi.venueSymbol(), vi);
            byOurs.put(vi.symbol(), vi);
        }
        return all;
    }

    /** The instrument of a venue name, loading the list once if the name is new; null if Bybit does not list it. */
    VenueInstrument byVenue(String venueSymbol) {
        VenueInstrument vi = byVenue.get(venueSymbol);
        if (vi == null) {
            load();
            vi = byVenue.get(venueSymbol);
        }
        return vi;
    }

    /** Our symbol for a venue name; null if Bybit does not list it. */
    String ours(String venueSymbol) {
        VenueInstrument vi = byVenue(venueSymbol);
        return vi == null ? null : vi.symbol();
    }

    /** The venue's name for our symbol. */
    String venue(String ourSymbol) {
        VenueInstrument vi = byOurs.get(ourSymbol);
        if (vi == null) {
            load();
            vi = byOurs.get(ourSymbol);
        }
        if (vi == null) {
            throw new VenueException(VenueException.Kind.REJECTED, BybitRules.VENUE, "170121",
                    ourSymbol + " is not listed on Bybit spot");
        }
        return vi.venueSymbol();
    }

    static List<VenueInstrument> parse(JsonNode result) {
        List<VenueInstrument> out = new ArrayList<>();
        for (JsonNode n : result.path("list")) {
            String base = n.path("baseCoin").asString("");
            String quote = n.path("quoteCoin").asString("");
            JsonNode lot = n.path("lotSizeFilter");
            BigDecimal tick = decimal(n.path("priceFilter").path("tickSize"));
            BigDecimal step = decimal(lot.path("basePrecision"));
            if (base.isEmpty() || quote.isEmpty() || tick == null || step == null) continue;
            BigDecimal minQty = decimal(lot.path("minOrderQty"));
            BigDecimal minAmt = decimal(lot.path("minOrderAmt"));
            Instrument instrument = new Instrument(BybitRules.VENUE, base + "/" + quote, base, quote, tick, step,
                    minQty == null ? step : minQty, minAmt == null ? BigDecimal.ZERO : minAmt, DEFAULT_FEE, DEFAULT_FEE);
            out.add(new VenueInstrument(instrument, n.path("symbol").asString(""),
                    "Trading".equals(n.path("status").asString(""))));
        }
        return out;
    }

    static BigDecimal decimal(JsonNode node) {
        String text = node.asString("");
        if (text.isEmpty()) return null;
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
