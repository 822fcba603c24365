package dev.botfleet.exchanges.delta;

import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.exchanges.VenueInstrument;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * GET /v2/products as our instruments: linear ("vanilla") perpetual_futures only. Our symbol is
 * contract_unit_currency/quoting_asset ("BTC/USD"); quantities are base units, so the lot size and the minimum quantity
 * are one contract (contract_value, 0.001 BTC for BTCUSD); maxLeverage = 100 / initial_margin (a percentage) and the
 * maintenance margin rate = maintenance_margin / 100. A product is trading when state is live and trading_status
 * operational. Orders name products by id, so the ids are kept too.
 */
final class DeltaProducts {
    private static final int MAX_PAGES = 20;

    record Listed(VenueInstrument instrument, int productId) {
    }

    private final Function<String, JsonNode> page;
    private final Map<String, Listed> byVenue = new ConcurrentHashMap<>();
    private final Map<String, Listed> byOurs = new ConcurrentHashMap<>();

    /** @param page fetches one page of products after the given cursor (null for the first) */
    DeltaProducts(Function<String, JsonNode> page) {
        this.page = page;
    }

    synchronized List<VenueInstrument> load() {
        List<VenueInstrument> out = new ArrayList<>();
        String after = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            JsonNode answer = page.apply(after);
            for (JsonNode p : answer.path("result")) {
                Listed listed = map(p);
                if (listed == null) continue;
                byVenue.put(listed.instrument().venueSymbol(), listed);
                byOurs.put(listed.instrument().symbol(), listed);
                out.add(listed.instrument());
            }
            after = answer.path("meta").path("after").asString("");
            if (after == null || after.isEmpty() || "null".equals(after)) break;
        }
        return out;
    }

    static Listed map(JsonNode p) {
        if (!"perpetual_futures".equals(p.path("contract_type").asString(""))
                || !"vanilla".equals(p.path("notional_type").asString("vanilla"))) return null;
        String base = p.path("contract_unit_currency").asString("");
        if (base.isEmpty()) base = p.path("underlying_asset").path("symbol").asString("");
        String quote = p.path("quoting_asset").path("symbol").asString("");
        String settle = p.path("settling_asset").path("symbol").asString(quote);
        BigDecimal contract = dec(p, "contract_value");
        BigDecimal initial = dec(p, "initial_margin");
        BigDecimal maxLeverage = initial.signum() > 0 ? new BigDecimal("100").divide(initial, 8,
                java.math.RoundingMode.DOWN).stripTrailingZeros() : BigDecimal.ONE;
        Derivative terms = new Derivative(contract, settle, maxLeverage.max(BigDecimal.ONE),
                dec(p, "maintenance_margin").movePointLeft(2));
        Instrument instrument = new Instrument(DeltaRules.VENUE, base + "/" + quote, base, quote, dec(p, "tick_size"),
                contract, contract, BigDecimal.ZERO, dec(p, "maker_commission_rate"), dec(p, "taker_commission_rate"))
                .asPerpetual(terms);
        boolean trading = "live".equals(p.path("state").asString("")) 
                && "operational".equals(p.path("trading_status").asString("operational"));
        return new Listed(new VenueInstrument(instrument, p.path("symbol").asString(), trading), p.path("id").asInt());
    }

    /** The product id of a venue symbol, loading the list once if needed. */
    int id(VenueInstrument instrument) {
        Listed l = byVenue.get(instrument.venueSymbol());
        if (l == null) {
            load();
            l = byVenue.get(instrument.venueSymbol());
        }
        if (l == null) throw new IllegalArgumentException("delta lists no product " + instrument.venueSymbol());
        return l.productId();
    }

    VenueInstrument byVenue(String venueSymbol) {
        Listed l = byVenue.get(venueSymbol);
        if (l == null && byVenue.isEmpty()) {
            load();
            l = byVenue.get(venueSymbol);
        }
        return l == null ? null : l.instrument();
    }

    VenueInstrument byId(int productId) {
        if (byVenue.isEmpty()) load();
        for (Listed l : byVenue.values()) if (l.productId() == productId) return l.instrument();
        return null;
    }

    static BigDecimal dec(JsonNode node, String field) {
        JsonNode v = node.path(field);
        String text = v.isNumber() ? v.asString() : v.asString("");
        return text == null || text.isEmpty() || "null".equals(text) ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
