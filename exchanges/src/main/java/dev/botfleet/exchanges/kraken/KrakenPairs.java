package dev.botfleet.exchanges.kraken;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.exchanges.VenueInstrument;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Kraken's spot pairs from GET /0/public/AssetPairs (https://docs.kraken.com/api/docs/rest-api/get-tradable-asset-pairs)
 * and their names: ours {@code BTC/USDT}, the REST altname {@code XBTUSDT} (the venue symbol), WebSocket v2's
 * {@code BTC/USDT}. Tick from {@code tick_size} (else 10^-pair_decimals), lot 10^-lot_decimals, minimum volume
 * {@code ordermin}, minimum value {@code costmin}, fees from the first tier of {@code fees_maker} / {@code fees}
 * (percent); a pair trades while its status is online, post_only, limit_only or reduce_only (not cancel_only).
 */
final class KrakenPairs {
    /** Legacy asset codes Kraken still uses in REST (X for crypto, Z for fiat) and what they name. */
    private static final Map<String, String> LEGACY = Map.ofEntries(Map.entry("XXBT", "BTC"), Map.entry("XBT", "BTC"),
            Map.entry("XETH", "ETH"), Map.entry("XLTC", "LTC"), Map.entry("XXRP", "XRP"), Map.entry("XXLM", "XLM"),
            Map.entry("XXMR", "XMR"), Map.entry("XZEC", "ZEC"), Map.entry("XETC", "ETC"), Map.entry("XXDG", "DOGE"),
            Map.entry("XDG", "DOGE"), Map.entry("XMLN", "MLN"), Map.entry("XREP", "REP"), Map.entry("ZUSD", "USD"),
            Map.entry("ZEUR", "EUR"), Map.entry("ZGBP", "GBP"), Map.entry("ZCAD", "CAD"), Map.entry("ZJPY", "JPY"),
            Map.entry("ZAUD", "AUD"), Map.entry("ZCHF", "CHF"));
    private static final Set<String> TRADING = Set.of("online", "post_only", "limit_only", "reduce_only");
    private static final BigDecimal DEFAULT_MAKER = new BigDecimal("0.0025");
    private static final BigDecimal DEFAULT_TAKER = new BigDecimal("0.0040");

    private final Supplier<JsonNode> loader;
    private final Map<String, VenueInstrument> byVenue = new ConcurrentHashMap<>();
    private final Map<String, VenueInstrument> byOurs = new ConcurrentHashMap<>();

    KrakenPairs(Supplier<JsonNode> loader) {
        this.loader = loader;
    }

    /** Our name of a Kraken asset code ({@code XXBT} -> BTC, {@code USDT} -> USDT). */
    static String asset(String code) { return LEGACY.getOrDefault(code, code); }

    synchronized List<VenueInstrument> load() {
        List<VenueInstrument> all = parse(loader.get());
        for (VenueInstrument vi : all) {
            byVenue.put(vi.venueSymbol(), vi);
            byOurs.put(vi.symbol(), vi);
        }
        return all;
    }

    /** By our symbol, which is also WebSocket v2's name of the pair; loads the list once if unknown. */
    VenueInstrument byOurs(String symbol) {
        VenueInstrument vi = byOurs.get(symbol);
        if (vi == null) {
            load();
            vi = byOurs.get(symbol);
        }
        return vi;
    }

    VenueInstrument byVenue(String altname) {
        VenueInstrument vi = byVenue.get(altname);
        if (vi == null) {
            load();
            vi = byVenue.get(altname);
        }
        return vi;
    }

    static List<VenueInstrument> parse(JsonNode result) {
        List<VenueInstrument> out = new ArrayList<>();
        for (var entry : result.properties()) {
            JsonNode p = entry.getValue();
            String altname = p.path("altname").asString(entry.getKey());
            // Dark-pool pairs (altname ending .d) are not spot order books.
            if (altname.endsWith(".d") || !"currency".equals(p.path("aclass_base").asString("currency"))) continue;
            String base = asset(p.path("base").asString(""));
            String quote = asset(p.path("quote").asString(""));
            if (base.isEmpty() || quote.isEmpty()) continue;
            BigDecimal tick = p.has("tick_size") ? new BigDecimal(p.path("tick_size").asString())
                    : BigDecimal.ONE.movePointLeft(p.path("pair_decimals").asInt(8));
            BigDecimal lot = BigDecimal.ONE.movePointLeft(p.path("lot_decimals").asInt(8));
            BigDecimal minQty = p.has("ordermin") ? new BigDecimal(p.path("ordermin").asString()) : lot;
            BigDecimal minCost = p.has("costmin") ? new BigDecimal(p.path("costmin").asString()) : BigDecimal.ZERO;
            Instrument instrument = new Instrument(KrakenRules.VENUE, base + "/" + quote, base, quote,
                    tick.stripTrailingZeros(), lot, minQty, minCost, fee(p.path("fees_maker"), DEFAULT_MAKER),
                    fee(p.path("fees"), DEFAULT_TAKER));
            out.add(new VenueInstrument(instrument, altname, TRADING.contains(p.path("status").asString("online"))));
        }
        return out;
    }

    /** The first volume tier's fee, given in percent. */
    private static BigDecimal fee(JsonNode tiers, BigDecimal fallback) {
        JsonNode first = tiers.path(0).path(1);
        if (first.isMissingNode()) return fallback;
        return KrakenRules.decimal(first).movePointLeft(2).stripTrailingZeros();
    }
}
