package dev.botfleet.dex.gas;

import java.math.BigInteger;

/**
 * The bid of a replacement (same nonce): nodes accept it only if both the max fee and the tip rise by at least their
 * price bump (geth's {@code --txpool.pricebump} and ganache's {@code --miner.priceBump} default to 10 %). We bid the
 * larger of that minimum and what the strategy would bid now, and never above the bot's cap.
 */
public final class FeeBump {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private FeeBump() {
    }

    /**
     * @param previous    the bid being replaced
     * @param fresh       what the fee strategy bids now
     * @param bumpPercent the node's replacement minimum in percent
     * @param cap         the bot's max fee per gas
     * @throws FeeCapReachedException when the minimum replacement would exceed the cap
     */
    public static Eip1559Fees replacement(Eip1559Fees previous, Eip1559Fees fresh, int bumpPercent, BigInteger cap) {
        if (bumpPercent < 0) {
            throw new IllegalArgumentException("bumpPercent must not be negative");
        }
        BigInteger tip = bumped(previous.maxPriorityFeePerGas(), bumpPercent).max(fresh.maxPriorityFeePerGas());
        BigInteger maxFee = bumped(previous.maxFeePerGas(), bumpPercent).max(fresh.maxFeePerGas()).max(tip);
        BigInteger minimumMaxFee = bumped(previous.maxFeePerGas(), bumpPercent);
        if (minimumMaxFee.compareTo(cap) > 0 || tip.compareTo(cap) > 0) {
            throw new FeeCapReachedException("a replacement needs a max fee of " + minimumMaxFee.max(tip)
                    + " wei per gas, above the bot's cap of " + cap);
        }
        maxFee = maxFee.min(cap);
        Eip1559Fees.CapLimit limit = maxFee.equals(cap) ? Eip1559Fees.CapLimit.CAPPED : Eip1559Fees.CapLimit.NONE;
        return new Eip1559Fees(maxFee, tip, fresh.projectedBaseFee(), limit);
    }

    /** value × (100 + percent) / 100, rounded up so rounding never leaves a bid just under the node's minimum. */
    static BigInteger bumped(BigInteger value, int percent) {
        BigInteger[] qr = value.multiply(HUNDRED.add(BigInteger.valueOf(percent))).divideAndRemainder(HUNDRED);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
