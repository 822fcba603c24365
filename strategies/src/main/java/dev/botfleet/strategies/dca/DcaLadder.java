package dev.botfleet.strategies.dca;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The 3Commas safety-order ladder in exact decimals (trading-formulas.md §3.3). Safety order n (1-based) of a long deal
 * whose base order filled at P₀:
 * <ul>
 *   <li>cumulative deviation {@code D_n = d·(1 + s + … + s^(n−1))} %, i.e. {@code d·(s^n − 1)/(s − 1)} or {@code n·d};</li>
 *   <li>price {@code P_n = P₀·(1 − D_n/100)};</li>
 *   <li>volume {@code V_n = v·m^(n−1)} in quote, quantity {@code V_n / P_n}.</li>
 * </ul>
 * Averages are quantity-weighted (harmonic in price), never Σ(p·V)/ΣV.
 *
 * @param baseOrder BO, quote
 * @param safetyOrder v, quote
 * @param deviationPercent d, %
 * @param stepScale s
 * @param volumeScale m
 * @param maxSafetyOrders N
 */
public record DcaLadder(BigDecimal baseOrder, BigDecimal safetyOrder, BigDecimal deviationPercent,
                        BigDecimal stepScale, BigDecimal volumeScale, int maxSafetyOrders) {
    static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** D_n in %, exact. */
    public BigDecimal cumulativeDeviation(int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) sum = sum.add(deviationPercent.multiply(stepScale.pow(i)));
        return sum;
    }

    /** P_n, unrounded (the strategy rounds it down to the tick grid). */
    public BigDecimal price(BigDecimal basePrice, int n) {
        return basePrice.multiply(BigDecimal.ONE.subtract(cumulativeDeviation(n).divide(HUNDRED, MC)), MC);
    }

    /** V_n in quote. */
    public BigDecimal volume(int n) {
        return safetyOrder.multiply(volumeScale.pow(n - 1), MC);
    }

    /** Σ V_n over all N safety orders. */
    public BigDecimal safetyFunds() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 1; n <= maxSafetyOrders; n++) sum = sum.add(volume(n));
        return sum;
    }

    /** What one deal may spend: BO + Σ V. */
    public BigDecimal maxFunds() { return baseOrder.add(safetyFunds()); }

    /** Quote spent after the base order and k safety orders. */
    public BigDecimal cost(int k) {
        BigDecimal sum = baseOrder;
        for (int n = 1; n <= k; n++) sum = sum.add(volume(n));
        return sum;
    }

    /** Base bought after the base order and k safety orders, with unrounded quantities. */
    public BigDecimal quantity(BigDecimal basePrice, int k) {
        BigDecimal qty = baseOrder.divide(basePrice, MC);
        for (int n = 1; n <= k; n++) qty = qty.add(volume(n).divide(price(basePrice, n), MC));
        return qty;
    }

    /** A_k = cost / quantity. */
    public BigDecimal average(BigDecimal basePrice, int k) {
        return cost(k).divide(quantity(basePrice, k), MC);
    }

    /** Take profit on the whole position: A_k·(1 + tp/100). */
    public BigDecimal takeProfitOnTotal(BigDecimal basePrice, int k, BigDecimal tpPercent) {
        return average(basePrice, k).multiply(BigDecimal.ONE.add(tpPercent.divide(HUNDRED, MC)), MC);
    }

    /** Take profit of tp % of the base order only: (cost_k + BO·tp/100) / qty_k. */
    public BigDecimal takeProfitOnBase(BigDecimal basePrice, int k, BigDecimal tpPercent) {
        BigDecimal target = baseOrder.multiply(tpPercent).divide(HUNDRED, MC);
        return cost(k).add(target).divide(quantity(basePrice, k), MC);
    }
}
