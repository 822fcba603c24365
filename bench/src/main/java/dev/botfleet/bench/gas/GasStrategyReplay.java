package dev.botfleet.bench.gas;

import dev.botfleet.dex.gas.Aggressiveness;
import dev.botfleet.dex.gas.Eip1559Fees;
import dev.botfleet.dex.gas.FeeBump;
import dev.botfleet.dex.gas.FeePolicy;
import dev.botfleet.dex.gas.FeeStrategy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the gas strategy instead of claiming a saving (docs/benchmarks/gas.md "Gas strategy"): on the same generated
 * fee market ({@link GasMarket}, one seed) the bot sends one 150,000-gas swap every 20 blocks, once bidding the naive
 * "2 × base fee + 2 gwei tip" (never replaced) and once per {@link Aggressiveness} level with our {@link FeeStrategy}
 * (20-block fee history, cap 500 gwei) replacing a transaction still pending after {@value #STUCK_AFTER} blocks with
 * {@link FeeBump} (10 %). It prints what each paid and how many blocks inclusion took.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.botfleet.bench.gas.GasStrategyReplay [seed] [transactions]</pre>
 */
public final class GasStrategyReplay {

    static final long SWAP_GAS = 150_000;
    static final int EVERY_BLOCKS = 20;
    static final int WARM_UP_BLOCKS = 200;
    static final int STUCK_AFTER = 3;
    static final int DRAIN_BLOCKS = 200;
    static final BigInteger CAP = FeePolicy.gwei(500);
    static final long NAIVE_TIP = 2 * GasMarket.GWEI;

    /** One policy's figures over all its transactions. */
    record Result(String policy, int sent, int included, double meanBlocks, int p50Blocks, int p95Blocks,
                  int maxBlocks, double meanPaidGwei, double totalPaidEth, int replacements) {}

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 20261203L;
        int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<Result> results = new ArrayList<>();
        results.add(run(seed, transactions, null));
        for (Aggressiveness level : Aggressiveness.values()) {
            results.add(run(seed, transactions, level));
        }
        print(seed, transactions, results);
    }

    /** One replay; {@code level} null is the naive baseline. */
    static Result run(long seed, int transactions, Aggressiveness level) {
        GasMarket market = new GasMarket(seed);
        FeeStrategy strategy = new FeeStrategy();
        FeePolicy policy = level == null ? null : new FeePolicy(level, CAP, FeePolicy.gwei(1).divide(BigInteger.TEN));
        List<GasMarket.Bid> ours = new ArrayList<>();
        List<Eip1559Fees> bids = new ArrayList<>();
        int replacements = 0;
        int lastSubmit = WARM_UP_BLOCKS + (transactions - 1) * EVERY_BLOCKS;
        for (int height = 0; height <= lastSubmit + DRAIN_BLOCKS; height++) {
            if (height >= WARM_UP_BLOCKS && height <= lastSubmit && (height - WARM_UP_BLOCKS) % EVERY_BLOCKS == 0) {
                Eip1559Fees fees = level == null ? naive(market) : strategy.quote(market.feeHistory(20), policy);
                GasMarket.Bid bid = new GasMarket.Bid(SWAP_GAS, fees.maxFeePerGas().longValueExact(),
                        fees.maxPriorityFeePerGas().longValueExact(), height, true);
                market.submit(bid);
                ours.add(bid);
                bids.add(fees);
            }
            if (level != null) {
                replacements += replaceStuck(market, strategy, policy, ours, bids, height);
            }
            market.mineBlock();
        }
        return summarise(level == null ? "naive 2 × base + 2 gwei" : "ours " + level.name(), ours, replacements);
    }

    static Eip1559Fees naive(GasMarket market) {
        BigInteger tip = BigInteger.valueOf(NAIVE_TIP);
        BigInteger maxFee = BigInteger.valueOf(market.nextBaseFee()).multiply(BigInteger.TWO).add(tip);
        return new Eip1559Fees(maxFee, tip, BigInteger.valueOf(market.nextBaseFee()), Eip1559Fees.CapLimit.NONE);
    }

    /** A pending transaction of ours waiting a multiple of STUCK_AFTER blocks gets a replacement bid (same nonce). */
    private static int replaceStuck(GasMarket market, FeeStrategy strategy, FeePolicy policy,
                                    List<GasMarket.Bid> ours, List<Eip1559Fees> bids, int height) {
        int replaced = 0;
        for (int i = 0; i < ours.size(); i++) {
            GasMarket.Bid bid = ours.get(i);
            int waited = height - bid.arrivedAt;
            if (bid.includedIn >= 0 || waited == 0 || waited % STUCK_AFTER != 0) {
                continue;
            }
            try {
                Eip1559Fees next = FeeBump.replacement(bids.get(i), strategy.quote(market.feeHistory(20), policy), 10,
                        CAP);
                bid.maxFee = next.maxFeePerGas().longValueExact();
                bid.tip = next.maxPriorityFeePerGas().longValueExact();
                bids.set(i, next);
                replaced++;
            } catch (dev.botfleet.dex.gas.FeeCapReachedException atCap) {
                // the cap holds: the transaction waits at its last bid
            }
        }
        return replaced;
    }

    private static Result summarise(String name, List<GasMarket.Bid> ours, int replacements) {
        List<GasMarket.Bid> in = ours.stream().filter(b -> b.includedIn >= 0).toList();
        int[] waits = in.stream().mapToInt(b -> b.includedIn - b.arrivedAt + 1).sorted().toArray();
        double totalWei = in.stream().mapToDouble(b -> (double) b.paidPerGas * b.gas).sum();
        double meanPaid = in.stream().mapToLong(b -> b.paidPerGas).average().orElse(0) / GasMarket.GWEI;
        return new Result(name, ours.size(), in.size(), Arrays.stream(waits).average().orElse(0),
                percentile(waits, 50), percentile(waits, 95), waits.length == 0 ? 0 : waits[waits.length - 1],
                meanPaid, totalWei / 1e18, replacements);
    }

    private static int percentile(int[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static void print(long seed, int transactions, List<Result> results) {
        System.out.printf(Locale.ROOT, "seed %d, %d transactions of %,d gas, one every %d blocks%n%n", seed,
                transactions, SWAP_GAS, EVERY_BLOCKS);
        System.out.println("| policy | included | blocks to inclusion mean / p50 / p95 / max | mean paid (gwei/gas) "
                + "| total paid (ETH) | vs naive | replacements |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|");
        double naive = results.getFirst().totalPaidEth();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d / %d | %.2f / %d / %d / %d | %.3f | %.5f | %+.1f %% | %d |%n",
                    r.policy(), r.included(), r.sent(), r.meanBlocks(), r.p50Blocks(), r.p95Blocks(), r.maxBlocks(),
                    r.meanPaidGwei(), r.totalPaidEth(), (r.totalPaidEth() / naive - 1) * 100, r.replacements());
        }
    }
}
