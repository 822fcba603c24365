package dev.botfleet.fakes.perp;

import java.math.BigDecimal;

/**
 * One funding settlement booked for one account: {@code amount = -size × mark × rate} (signed base size), so a long
 * pays when the rate is positive and a short receives.
 *
 * @param size the position's signed size (base asset) at the settlement instant
 * @param amount what the account received (negative: paid), in the settle asset
 */
public record FundingRecord(long id, String apiKey, String venueSymbol, long time, BigDecimal rate, BigDecimal markPrice,
                            BigDecimal size, BigDecimal amount, String settleAsset) {
}
