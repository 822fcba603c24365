package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpPosition;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The fake's rows in the shapes of the docs' samples (List Orders, Get Trades, List Positions, Wallet Details). */
final class Views {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Views() {
    }

    /** List Orders statuses. A canceled or expired order that had filled in part is partially_cancelled. */
    static String status(FakeOrder o) {
        return switch (o.status) {
            case NEW -> "open";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELED, EXPIRED -> o.executedQuantity.signum() > 0 ? "partially_cancelled" : "cancelled";
            case REJECTED -> "rejected";
        };
    }

    /** An order row; {@code asCreated} renders the create answer, which the docs say is always "initial". */
    static ObjectNode order(FakeOrder o, String id, OrderRoutes.Extra extra, boolean asCreated) {
        ObjectNode row = Json.object();
        row.put("id", id);
        row.put("pair", o.market.venueSymbol);
        row.put("side", o.side == FakeOrder.Side.BUY ? "buy" : "sell");
        row.put("status", asCreated ? "initial" : status(o));
        row.put("order_type", o.type == FakeOrder.Type.MARKET ? "market_order" : "limit_order");
        row.put("stop_trigger_instruction", "last_price");
        row.put("notification", "no_notification");
        row.put("leverage", extra.leverage());
        row.put("maker_fee", o.market.makerFee.multiply(HUNDRED).stripTrailingZeros());
        row.put("taker_fee", o.market.takerFee.multiply(HUNDRED).stripTrailingZeros());
        BigDecimal fees = BigDecimal.ZERO;
        for (FakeTrade t : o.trades) fees = fees.add(t.commission());
        row.put("fee_amount", asCreated ? BigDecimal.ZERO : fees);
        row.put("price", o.price != null ? o.price : extra.marketPrice());
        row.put("stop_price", BigDecimal.ZERO);
        row.put("avg_price", asCreated || o.executedQuantity.signum() == 0 ? BigDecimal.ZERO
                : o.cumulativeQuote.divide(o.executedQuantity, 8, RoundingMode.HALF_EVEN).stripTrailingZeros());
        row.put("total_quantity", o.quantity);
        boolean open = o.isOpen() || asCreated;
        row.put("remaining_quantity", open ? (asCreated ? o.quantity : o.remaining()) : BigDecimal.ZERO);
        row.put("cancelled_quantity", !open && o.status != FakeOrder.Status.FILLED ? o.remaining() : BigDecimal.ZERO);
        row.put("ideal_margin", BigDecimal.ZERO);
        row.put("order_category", "None");
        row.put("stage", "default");
        row.put("group_id", "None");
        row.putNull("liquidation_fee");
        row.put("position_margin_type", extra.marginType());
        row.put("display_message", "None");
        row.put("group_status", "None");
        row.put("created_at", o.createdAt);
        row.put("updated_at", asCreated ? o.createdAt : o.updatedAt);
        row.put("margin_currency_short_name", "USDT");
        row.put("settlement_currency_conversion_price", BigDecimal.ZERO);
        return row;
    }

    /**
     * A Get Trades row. CoinDCX's trade timestamps are fractional milliseconds (the docs' sample: 1705645534425.8374);
     * the fake's carry the trade's number as the fraction, so they are distinct and the same wherever the trade is shown.
     */
    static ObjectNode trade(FakeTrade t, String orderId) {
        ObjectNode row = Json.object();
        row.put("price", t.price());
        row.put("quantity", t.quantity());
        row.put("is_maker", t.maker());
        row.put("fee_amount", t.commission());
        row.put("pair", t.venueSymbol());
        row.put("side", t.side() == FakeOrder.Side.BUY ? "buy" : "sell");
        row.put("timestamp", new BigDecimal(t.time() + "." + String.format("%04d", t.tradeId() % 10_000)));
        row.put("order_id", orderId);
        row.put("settlement_currency_conversion_price", BigDecimal.ZERO);
        row.put("margin_currency_short_name", "USDT");
        return row;
    }

    static ObjectNode position(String id, PerpPosition p, BigDecimal mark, BigDecimal orderMargin, long now) {
        ObjectNode row = Json.object();
        row.put("id", id);
        row.put("pair", p.venueSymbol());
        row.put("active_pos", p.size());
        row.put("inactive_pos_buy", BigDecimal.ZERO);
        row.put("inactive_pos_sell", BigDecimal.ZERO);
        row.put("avg_price", p.entryPrice());
        row.put("liquidation_price", p.liquidationPrice() == null ? BigDecimal.ZERO : p.liquidationPrice());
        row.put("locked_margin", p.margin());
        row.put("locked_user_margin", p.margin());
        row.put("locked_order_margin", orderMargin);
        row.putNull("take_profit_trigger");
        row.putNull("stop_loss_trigger");
        row.put("leverage", p.leverage());
        row.put("maintenance_margin", BigDecimal.ZERO);
        row.put("mark_price", mark == null ? BigDecimal.ZERO : mark);
        row.put("margin_type", p.marginMode() == PerpLedger.MarginMode.CROSS ? "crossed" : "isolated");
        row.put("settlement_currency_avg_price", BigDecimal.ZERO);
        row.put("margin_currency_short_name", "USDT");
        row.put("updated_at", now);
        return row;
    }

    /** Wallet Details / balance-update: margin held by (isolated) positions and orders is the locked balance. */
    static ObjectNode wallet(String id, String asset, BigDecimal free, BigDecimal locked) {
        ObjectNode row = Json.object();
        row.put("id", id);
        row.put("currency_short_name", asset);
        row.put("balance", free.stripTrailingZeros().toPlainString());
        row.put("locked_balance", locked.stripTrailingZeros().toPlainString());
        row.put("cross_order_margin", "0.0");
        row.put("cross_user_margin", "0.0");
        return row;
    }

    /** Get instrument details: fees as percentages, the leverage and maintenance tiers as the docs show them. */
    static ObjectNode instrument(FakeMarket m, BigDecimal maxLeverage, BigDecimal maintenanceRate) {
        ObjectNode i = Json.object();
        i.put("settle_currency_short_name", m.quote);
        i.put("quote_currency_short_name", m.quote);
        i.put("position_currency_short_name", m.base);
        i.put("underlying_currency_short_name", m.base);
        i.put("status", m.trading ? "active" : "inactive");
        i.put("pair", m.venueSymbol);
        i.put("kind", "perpetual");
        i.put("settlement", "never");
        i.put("unit_contract_value", BigDecimal.ONE);
        i.put("price_increment", m.tickSize);
        i.put("quantity_increment", m.lotSize);
        i.put("min_trade_size", m.lotSize);
        i.put("min_quantity", m.minQuantity);
        i.put("max_quantity", new BigDecimal("1000000"));
        i.put("min_notional", m.minNotional);
        i.put("maker_fee", m.makerFee.multiply(HUNDRED).stripTrailingZeros());
        i.put("taker_fee", m.takerFee.multiply(HUNDRED).stripTrailingZeros());
        i.put("max_leverage_long", maxLeverage);
        i.put("max_leverage_short", maxLeverage);
        i.put("funding_frequency", 8);
        i.put("exit_only", false);
        i.put("margin_currency_short_name", "USDT");
        i.putArray("time_in_force_options").add("good_till_cancel").add("immediate_or_cancel").add("fill_or_kill");
        i.putArray("order_types").add("market_order").add("limit_order");
        i.putObject("dynamic_position_leverage_details").put(maxLeverage.toPlainString(), new BigDecimal("100000"));
        i.putObject("dynamic_safety_margin_details").put("50000", maintenanceRate.multiply(HUNDRED).stripTrailingZeros());
        return i;
    }
}
