package dev.botfleet.exchanges.coinbase;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.exchanges.VenueInstrument;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Products (List Public Products, GET /market/products) as instruments: quote_increment is the tick (price_increment
 * when present), base_increment the lot, base_min_size the minimum quantity, quote_min_size the minimum notional;
 * a product trades when its status is "online" and neither trading_disabled, is_disabled nor cancel_only is set.
 * Symbols: ours BTC/USDT is Coinbase's BTC-USDT. Spot products only.
 *
 * <p>Fees: products carry none; instruments get 0.6% taker / 0.4% maker, Coinbase's entry tier for Advanced Trade
 * (a key's own tier is at GET /transaction_summary, not used yet). The fees the venue charges come with each fill.
 */
final class CoinbaseProducts {
    static final BigDecimal MAKER_FEE = new BigDecimal("0.004");
    static final BigDecimal TAKER_FEE = new BigDecimal("0.006");

    private CoinbaseProducts() {
    }

    static List<VenueInstrument> parse(JsonNode answer) {
        List<VenueInstrument> out = new ArrayList<>();
        for (JsonNode p : answer.path("products")) {
            if (!"SPOT".equals(p.path("product_type").asString("SPOT"))) continue;
            String id = p.path("product_id").asString("");
            int dash = id.indexOf('-');
            if (dash <= 0) continue;
            String base = p.path("base_currency_id").asString(id.substring(0, dash));
            String quote = p.path("quote_currency_id").asString(id.substring(dash + 1));
            BigDecimal tick = decimal(p.path("price_increment"));
            if (tick == null) tick = decimal(p.path("quote_increment"));
            BigDecimal lot = decimal(p.path("base_increment"));
            if (tick == null || lot == null) continue;
            BigDecimal minQty = decimal(p.path("base_min_size"));
            BigDecimal minNotional = decimal(p.path("quote_min_size"));
            Instrument instrument = new Instrument(CoinbaseRules.VENUE, base + "/" + quote, base, quote, tick, lot,
                    minQty == null ? lot : minQty, minNotional == null ? BigDecimal.ZERO : minNotional, MAKER_FEE,
                    TAKER_FEE);
            boolean trading = "online".equalsIgnoreCase(p.path("status").asString(""))
                    && !p.path("trading_disabled").asBoolean(false) && !p.path("is_disabled").asBoolean(false)
                    && !p.path("cancel_only").asBoolean(false);
            out.add(new VenueInstrument(instrument, id, trading));
        }
        return out;
    }

    /** BTC/USDT -> BTC-USDT. */
    static String venueSymbol(String ours) { return ours.replace('/', '-'); }

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
