package dev.botfleet.bench.gas;

import dev.botfleet.dex.gas.Aggressiveness;
import dev.botfleet.dex.gas.FeeHistory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A generated EIP-1559 fee market, block by block, from a seed (docs/benchmarks/gas.md "Gas strategy"): other users' bids
 * arrive in three regimes (calm, busy, spike — a Markov chain), each bid with a gas amount, a max fee (what the user is
 * willing to pay at most) and a tip, both log-normal around the regime's level. A block takes the eligible bids
 * (max fee ≥ base fee) by effective tip, highest first, up to the gas limit; the base fee then moves by the EIP-1559
 * rule. Bids wait at most {@link #EXPIRY_BLOCKS} blocks. Same seed, same market, wei for wei.
 */
final class GasMarket {

    static final long GAS_LIMIT = 30_000_000;
    static final long GAS_TARGET = GAS_LIMIT / 2;
    static final int EXPIRY_BLOCKS = 25;
    static final long GWEI = 1_000_000_000L;

    enum Regime {
        //    arrivals/block, max fee median (gwei), tip median (gwei)
        CALM(100, 25, 0.5), BUSY(160, 40, 1.5), SPIKE(260, 120, 6.0);

        final double arrivals;
        final double maxFeeGwei;
        final double tipGwei;

        Regime(double arrivals, double maxFeeGwei, double tipGwei) {
            this.arrivals = arrivals;
            this.maxFeeGwei = maxFeeGwei;
            this.tipGwei = tipGwei;
        }
    }

    /** One transaction waiting for a block; {@code ours} marks the bot's, whose bid the policy may change. */
    static final class Bid {
        final long gas;
        long maxFee;
        long tip;
        final int arrivedAt;
        final boolean ours;
        int includedIn = -1;
        long paidPerGas;

        Bid(long gas, long maxFee, long tip, int arrivedAt, boolean ours) {
            this.gas = gas;
            this.maxFee = maxFee;
            this.tip = tip;
            this.arrivedAt = arrivedAt;
            this.ours = ours;
        }

        long effectiveTip(long baseFee) {
            return Math.min(tip, maxFee - baseFee);
        }
    }

    /** What a mined block tells {@code eth_feeHistory}. */
    record Block(long baseFee, long gasUsed, long[] rewards) {}

    private final Random random;
    private final List<Bid> mempool = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private Regime regime = Regime.CALM;
    private long baseFee = 20 * GWEI;

    GasMarket(long seed) {
        this.random = new Random(seed);
    }

    /** The base fee of the block being built next. */
    long nextBaseFee() {
        return baseFee;
    }

    int height() {
        return blocks.size();
    }

    Regime regime() {
        return regime;
    }

    void submit(Bid bid) {
        mempool.add(bid);
    }

    /** Other users' bids arrive, then one block is built and the base fee moves. */
    void mineBlock() {
        int height = blocks.size();
        regime = nextRegime();
        int arrivals = poisson(regime.arrivals);
        for (int i = 0; i < arrivals; i++) {
            long gas = gasOfOneTransaction();
            long maxFee = (long) (logNormal(regime.maxFeeGwei, 0.5) * GWEI);
            long tip = Math.min(maxFee, (long) (logNormal(regime.tipGwei, 0.8) * GWEI));
            mempool.add(new Bid(gas, maxFee, tip, height, false));
        }
        mempool.removeIf(b -> !b.ours && height - b.arrivedAt > EXPIRY_BLOCKS);

        long base = baseFee;
        List<Bid> eligible = new ArrayList<>(mempool.stream().filter(b -> b.maxFee >= base).toList());
        eligible.sort(Comparator.comparingLong((Bid b) -> b.effectiveTip(base)).reversed()
                .thenComparingInt(b -> b.arrivedAt));
        long used = 0;
        List<Bid> included = new ArrayList<>();
        for (Bid b : eligible) {
            if (used + b.gas <= GAS_LIMIT) {
                used += b.gas;
                b.includedIn = height;
                b.paidPerGas = base + b.effectiveTip(base);
                included.add(b);
            }
        }
        mempool.removeAll(included);
        blocks.add(new Block(base, used, rewards(included, base, used)));
        baseFee = nextBase(base, used);
    }

    /** The last {@code count} blocks as {@code eth_feeHistory} would answer with our percentiles. */
    FeeHistory feeHistory(int count) {
        int from = Math.max(0, blocks.size() - count);
        List<BigInteger> bases = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<List<BigInteger>> rewards = new ArrayList<>();
        for (Block b : blocks.subList(from, blocks.size())) {
            bases.add(BigInteger.valueOf(b.baseFee()));
            ratios.add((double) b.gasUsed() / GAS_LIMIT);
            List<BigInteger> perBlock = new ArrayList<>();
            for (long r : b.rewards()) {
                perBlock.add(BigInteger.valueOf(r));
            }
            rewards.add(perBlock);
        }
        bases.add(BigInteger.valueOf(baseFee));
        return new FeeHistory(from, bases, ratios, rewards, Aggressiveness.PERCENTILES);
    }

    /** EIP-1559: the base fee moves toward the target by at most 1/8 a block. */
    static long nextBase(long base, long gasUsed) {
        if (gasUsed == GAS_TARGET) {
            return base;
        }
        BigInteger b = BigInteger.valueOf(base);
        BigInteger delta = b.multiply(BigInteger.valueOf(Math.abs(gasUsed - GAS_TARGET)))
                .divide(BigInteger.valueOf(GAS_TARGET)).divide(BigInteger.valueOf(8));
        if (gasUsed > GAS_TARGET) {
            return base + Math.max(1, delta.longValueExact());
        }
        return base - delta.longValueExact();
    }

    /** Rewards at each percentile, weighted by gas like geth: walk the tips in ascending order over cumulative gas. */
    private static long[] rewards(List<Bid> included, long base, long used) {
        List<Double> percentiles = Aggressiveness.PERCENTILES;
        long[] out = new long[percentiles.size()];
        if (included.isEmpty()) {
            return out;
        }
        List<Bid> ascending = new ArrayList<>(included);
        ascending.sort(Comparator.comparingLong(b -> b.effectiveTip(base)));
        int i = 0;
        long cumulative = ascending.getFirst().gas;
        for (int p = 0; p < out.length; p++) {
            double threshold = used * percentiles.get(p) / 100.0;
            while (cumulative < threshold && i < ascending.size() - 1) {
                i++;
                cumulative += ascending.get(i).gas;
            }
            out[p] = ascending.get(i).effectiveTip(base);
        }
        return out;
    }

    private Regime nextRegime() {
        double u = random.nextDouble();
        return switch (regime) {
            case CALM -> u < 0.02 ? Regime.BUSY : u < 0.025 ? Regime.SPIKE : Regime.CALM;
            case BUSY -> u < 0.04 ? Regime.CALM : u < 0.07 ? Regime.SPIKE : Regime.BUSY;
            case SPIKE -> u < 0.10 ? Regime.BUSY : Regime.SPIKE;
        };
    }

    private long gasOfOneTransaction() {
        double u = random.nextDouble();
        return u < 0.4 ? 21_000 : u < 0.8 ? 120_000 : 300_000;
    }

    private double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** Knuth's method; fine for the means used here. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        if (limit == 0) {
            return (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
        }
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
