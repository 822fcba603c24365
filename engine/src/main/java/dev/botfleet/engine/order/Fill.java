package dev.botfleet.engine.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution as the bot booked it: the exchange's fill plus the PnL it realized for the bot. This is the "trade"
 * of the API and what is journaled; replaying a bot's fills rebuilds its position exactly.
 *
 * @param realizedPnl quote asset, net of this fill's quote-asset fee
 */
public record Fill(String botId, String clientOrderId, String tradeId, String exchange, String symbol, OrderSide side,
                   BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeCurrency, Liquidity liquidity,
                   BigDecimal realizedPnl, Instant executedAt) {

    /** The exchange-side event this fill came from (for replay after a restart). */
    public OrderEvent.OrderFilled toEvent() {
        return new OrderEvent.OrderFilled(clientOrderId, tradeId, side, price, quantity, fee, feeCurrency, liquidity,
                executedAt);
    }
}
