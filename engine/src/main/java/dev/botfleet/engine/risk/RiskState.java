package dev.botfleet.engine.risk;

import java.math.BigDecimal;

/**
 * What the risk checks need to know about the bot at the moment of a submit.
 *
 * @param position signed position in the base asset
 * @param openBuyQuantity unfilled quantity of working buy orders
 * @param openSellQuantity unfilled quantity of working sell orders
 * @param availableBase free base balance (already net of reservations), null if unknown
 * @param availableQuote free quote balance, null if unknown
 * @param referencePrice last market price, used for market orders; null before the first tick
 * @param leverage the bot's leverage on a perpetual (then {@code availableQuote} is the free settle-asset margin and
 *                 {@code availableBase} is null); null on spot
 */
public record RiskState(BigDecimal position, int openOrders, BigDecimal openBuyQuantity, BigDecimal openSellQuantity,
                        BigDecimal availableBase, BigDecimal availableQuote, BigDecimal referencePrice,
                        BigDecimal leverage) {

    /** A spot bot's state. */
    public RiskState(BigDecimal position, int openOrders, BigDecimal openBuyQuantity, BigDecimal openSellQuantity,
                     BigDecimal availableBase, BigDecimal availableQuote, BigDecimal referencePrice) {
        this(position, openOrders, openBuyQuantity, openSellQuantity, availableBase, availableQuote, referencePrice, null);
    }
}
