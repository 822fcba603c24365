package dev.botfleet.server.notify;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.position.Deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A closed deal and a fill as alerts: the plain-words text and the fields webhooks carry. Money and quantities are
 * exact decimals written as strings.
 */
public final class DealText {
    private DealText() {
    }

    /** "Deal closed on BTC/USDT — bot X: +1.23 USDT (+0.25 %), take profit". */
    public static BotAlert closed(java.util.UUID ownerId, java.util.UUID botId, String botName, Deal deal) {
        String quote = quoteOf(deal.symbol());
        BigDecimal percent = percent(deal);
        String text = "Deal closed on " + deal.symbol() + " — bot " + botName + ": " + signed(deal.pnl()) + " " + quote
                + (percent == null ? "" : " (" + signed(percent) + " %)") + ", " + reason(deal.closeReason());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("botId", botId.toString());
        data.put("botName", botName);
        data.put("symbol", deal.symbol());
        data.put("direction", deal.direction().name());
        data.put("quantity", plain(deal.quantity()));
        data.put("entryPrice", plain(deal.entryPrice()));
        data.put("exitPrice", plain(deal.exitPrice()));
        data.put("pnl", plain(deal.pnl()));
        data.put("pnlPercent", percent == null ? null : percent.toPlainString());
        data.put("quoteAsset", quote);
        data.put("fees", plain(deal.fees()));
        data.put("reason", deal.closeReason() == null ? null : deal.closeReason().name());
        data.put("openedAt", deal.openedAt() == null ? null : deal.openedAt().toString());
        data.put("closedAt", deal.closedAt() == null ? null : deal.closedAt().toString());
        return new BotAlert(ownerId, botId, BotAlert.Kind.DEAL_CLOSED, text, data);
    }

    public static BotAlert fill(java.util.UUID ownerId, java.util.UUID botId, String botName, Fill fill) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("botId", botId.toString());
        data.put("botName", botName);
        data.put("exchange", fill.exchange());
        data.put("symbol", fill.symbol());
        data.put("side", fill.side().name());
        data.put("price", plain(fill.price()));
        data.put("quantity", plain(fill.quantity()));
        data.put("fee", plain(fill.fee()));
        data.put("feeAsset", fill.feeCurrency());
        data.put("realizedPnl", plain(fill.realizedPnl()));
        data.put("clientOrderId", fill.clientOrderId());
        data.put("tradeId", fill.tradeId());
        data.put("executedAt", fill.executedAt() == null ? null : fill.executedAt().toString());
        return new BotAlert(ownerId, botId, BotAlert.Kind.FILL, FillText.of(fill, botName), data);
    }

    /** PnL over the entry notional, in percent with two decimals; null when there is no entry notional. */
    static BigDecimal percent(Deal deal) {
        if (deal.entryPrice() == null || deal.quantity() == null) return null;
        BigDecimal notional = deal.entryPrice().multiply(deal.quantity());
        if (notional.signum() == 0) return null;
        return deal.pnl().multiply(BigDecimal.valueOf(100)).divide(notional, 2, RoundingMode.HALF_EVEN);
    }

    /** TAKE_PROFIT → "take profit"; an unknown reason is "closed". */
    static String reason(CloseReason reason) {
        return reason == null ? "closed" : reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String signed(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 2) s = s.setScale(2, RoundingMode.UNNECESSARY);
        return (s.signum() > 0 ? "+" : "") + s.toPlainString();
    }

    static String quoteOf(String symbol) {
        int slash = symbol.indexOf('/');
        return slash < 0 ? "" : symbol.substring(slash + 1);
    }

    static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
