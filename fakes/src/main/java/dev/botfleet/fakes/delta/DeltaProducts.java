package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpTerms;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The perpetuals the fake lists, with the figures of Delta's products example (GET /v2/products: BTCUSD is product
 * 27, contract_value 0.001 BTC, tick_size 0.5, initial_margin 0.5 % and maintenance_margin 0.25 % (so up to 200x),
 * default_leverage 200, maker 0.02 %, taker 0.05 %, settled in USD). ETHUSD's id (3136), contract value 0.01 ETH,
 * tick 0.05 and 1 % / 0.5 % margins are the fake's assumptions in the same shape.
 *
 * <p>The engine matches in base units (its lot is the contract value); this class converts Delta's integer contract
 * sizes at the edge.
 */
final class DeltaProducts {
    static final String SETTLE = "USD";

    record Product(int id, String symbol, String base, BigDecimal contractValue, BigDecimal tick,
                   BigDecimal initialMarginPct, BigDecimal maintenanceMarginPct, BigDecimal defaultLeverage) {

        BigDecimal maxLeverage() { return new BigDecimal("100").divide(initialMarginPct); }

        BigDecimal mmr() { return maintenanceMarginPct.movePointLeft(2); }
    }

    static final Product BTCUSD = new Product(27, "BTCUSD", "BTC", new BigDecimal("0.001"), new BigDecimal("0.5"),
            new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("200"));
    static final Product ETHUSD = new Product(3136, "ETHUSD", "ETH", new BigDecimal("0.01"), new BigDecimal("0.05"),
            new BigDecimal("1"), new BigDecimal("0.5"), new BigDecimal("100"));

    private final Map<String, Product> bySymbol = new LinkedHashMap<>();
    private final Map<Integer, Product> byId = new LinkedHashMap<>();
    private final MatchingEngine engine;

    DeltaProducts(MatchingEngine engine, PerpLedger ledger) {
        this.engine = engine;
        list(ledger, BTCUSD, "50000");
        list(ledger, ETHUSD, "3000");
    }

    private void list(PerpLedger ledger, Product p, String price) {
        String cv = p.contractValue().toPlainString();
        engine.list(new FakeMarket(p.symbol(), p.base(), SETTLE, p.tick().toPlainString(), cv, cv, "0", "0.0002",
                "0.0005"), price);
        ledger.list(new PerpTerms(p.symbol(), SETTLE, p.maxLeverage(), p.mmr(), p.defaultLeverage()));
        engine.settleWith(p.symbol(), ledger);
        bySymbol.put(p.symbol(), p);
        byId.put(p.id(), p);
    }

    List<Product> all() { return List.copyOf(bySymbol.values()); }

    Product bySymbol(String symbol) { return bySymbol.get(symbol); }

    Product byId(int id) { return byId.get(id); }

    /** Base quantity to contracts; null when it is not a whole number of contracts. */
    static Long contracts(Product p, BigDecimal base) {
        BigDecimal[] qr = base.divideAndRemainder(p.contractValue());
        return qr[1].signum() == 0 ? qr[0].longValueExact() : null;
    }

    static BigDecimal base(Product p, long contracts) {
        return p.contractValue().multiply(BigDecimal.valueOf(contracts));
    }

    /** One entry of GET /v2/products (the fields the swagger's Product lists that matter here). */
    ObjectNode json(Product p) {
        FakeMarket m = engine.market(p.symbol());
        ObjectNode o = DeltaJson.object();
        o.put("id", p.id());
        o.put("symbol", p.symbol());
        o.put("description", p.base() + " Perpetual futures, quoted, settled & margined in " + SETTLE);
        o.put("notional_type", "vanilla");
        o.put("contract_type", "perpetual_futures");
        o.put("contract_value", DeltaJson.num(p.contractValue()));
        o.put("contract_unit_currency", p.base());
        o.put("tick_size", DeltaJson.num(m.tickSize));
        o.put("initial_margin", DeltaJson.num(p.initialMarginPct()));
        o.put("maintenance_margin", DeltaJson.num(p.maintenanceMarginPct()));
        o.put("default_leverage", DeltaJson.num(p.defaultLeverage()));
        o.put("maker_commission_rate", DeltaJson.num(m.makerFee));
        o.put("taker_commission_rate", DeltaJson.num(m.takerFee));
        o.put("state", "live");
        o.put("trading_status", m.trading ? "operational" : "disrupted_cancel_only");
        o.put("position_size_limit", 229167);
        o.putObject("product_specs").put("only_reduce_only_orders_allowed", false);
        asset(o.putObject("underlying_asset"), p.base());
        asset(o.putObject("quoting_asset"), SETTLE);
        asset(o.putObject("settling_asset"), SETTLE);
        return o;
    }

    private static void asset(ObjectNode node, String symbol) {
        node.put("id", SETTLE.equals(symbol) ? 14 : symbol.hashCode() & 0xffff);
        node.put("symbol", symbol);
        node.put("precision", 8);
    }
}
