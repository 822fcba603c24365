package dev.botfleet.engine.position;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding settlement of a perpetual position. Longs pay shorts when the rate is positive:
 * {@code amount = -quantity × markPrice × rate} with a signed quantity, so a long of 0.1 BTC at a mark of 50,000 and a
 * rate of 0.0001 pays 0.5 (amount −0.5), and the same short receives 0.5.
 *
 * @param amount what the position received (negative: paid), in the settle asset
 */
public record FundingPayment(String symbol, Instant time, BigDecimal rate, BigDecimal markPrice, BigDecimal amount) {

    /** The payment a position of signed {@code quantity} makes at {@code rate} and {@code markPrice}. */
    public static FundingPayment of(String symbol, Instant time, BigDecimal quantity, BigDecimal markPrice,
                                    BigDecimal rate) {
        return new FundingPayment(symbol, time, rate, markPrice, quantity.multiply(markPrice).multiply(rate).negate());
    }
}
