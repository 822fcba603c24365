package dev.botfleet.dex.tx;

import dev.botfleet.dex.gas.Eip1559Fees;
import dev.botfleet.dex.gas.FeeBump;
import dev.botfleet.dex.gas.FeeCapReachedException;
import dev.botfleet.dex.gas.FeePolicy;
import dev.botfleet.dex.signer.SignerException;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gas escalation: a wallet's transaction still pending {@code stuckAfter} after its latest bid is replaced at the same
 * nonce with {@link FeeBump} — the node's minimum bump or the fee strategy's fresh bid, whichever is higher — and
 * never above the bot's cap (then it waits at its last bid). A replacement the node refuses leaves the previous bid
 * standing. Call {@link #escalate()} from the bot's turn or a timer.
 */
public final class StuckTxEscalator {

    /** The fee strategy's bid now (reads a fresh fee history). */
    @FunctionalInterface
    public interface FreshFees {
        Eip1559Fees quote() throws IOException;
    }

    private final TxManager manager;
    private final TxJournal journal;
    private final FreshFees fresh;
    private final FeePolicy policy;
    private final int bumpPercent;
    private final Duration stuckAfter;
    private final Clock clock;

    /**
     * @param bumpPercent the node's replacement minimum (geth and ganache: 10)
     */
    public StuckTxEscalator(TxManager manager, TxJournal journal, FreshFees fresh, FeePolicy policy, int bumpPercent,
                            Duration stuckAfter, Clock clock) {
        this.manager = manager;
        this.journal = journal;
        this.fresh = fresh;
        this.policy = policy;
        this.bumpPercent = bumpPercent;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    /** Replaces every stuck nonce once; returns the replacements sent (empty if none was stuck or all at the cap). */
    public List<TxRecord> escalate() throws IOException {
        Map<BigInteger, TxRecord> latestPerNonce = new LinkedHashMap<>();
        for (TxRecord r : journal.open(manager.wallet())) {
            latestPerNonce.merge(r.nonce(), r, (a, b) -> later(a, b));
        }
        List<TxRecord> sent = new ArrayList<>();
        Eip1559Fees now = null;
        for (TxRecord latest : latestPerNonce.values()) {
            boolean stuck = latest.status() == TxStatus.SENT
                    && !clock.instant().isBefore(latest.createdAt().plus(stuckAfter));
            if (!stuck) {
                continue;
            }
            if (now == null) {
                now = fresh.quote();
            }
            Eip1559Fees previous = new Eip1559Fees(latest.maxFeePerGas(), latest.maxPriorityFeePerGas(),
                    latest.maxFeePerGas().subtract(latest.maxPriorityFeePerGas()), Eip1559Fees.CapLimit.NONE);
            try {
                Eip1559Fees bumped = FeeBump.replacement(previous, now, bumpPercent, policy.maxFeeCap());
                sent.add(latest.kind() == TxKind.CANCEL ? manager.cancel(latest.hash(), bumped)
                        : manager.replace(latest.hash(), bumped));
            } catch (FeeCapReachedException atCap) {
                // the cap is the bot owner's word: the transaction waits at its last bid
            } catch (TxRejectedException refused) {
                // journaled REJECTED by the manager; the previous bid stands (e.g. a block with it is being mined)
            } catch (SignerException unsigned) {
                // the external signer did not sign the replacement (down, refused): nothing was journaled or sent,
                // the previous bid stands and the next escalation asks again
            }
        }
        return sent;
    }

    private static TxRecord later(TxRecord a, TxRecord b) {
        return Comparator.comparing(TxRecord::createdAt).thenComparing(TxRecord::maxFeePerGas).compare(a, b) >= 0
                ? a : b;
    }
}
