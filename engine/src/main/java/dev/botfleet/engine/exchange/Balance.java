package dev.botfleet.engine.exchange;

import java.math.BigDecimal;

/**
 * One asset of an account.
 *
 * @param total everything held
 * @param available what new orders may use: total minus what open orders have reserved
 */
public record Balance(String asset, BigDecimal total, BigDecimal available) {

    public BigDecimal reserved() { return total.subtract(available); }
}
