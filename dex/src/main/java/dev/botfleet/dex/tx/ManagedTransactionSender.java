package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.ContractRevertedException;
import dev.botfleet.dex.chain.TransactionSender;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;

/**
 * The transaction manager behind the {@link TransactionSender} swaps and approvals use: gas limit from
 * {@code eth_estimateGas} + 20 % (a revert there is refused before anything is signed), fees from the fee strategy,
 * nonce, journal and broadcast by {@link TxManager}, then waiting for the outcome with gas escalation
 * ({@link StuckTxEscalator}) and the tracker's confirmation depth. A send whose answer was lost is recovered while
 * waiting (same bytes, never a second transaction).
 */
public final class ManagedTransactionSender implements TransactionSender {

    private final ChainClient chain;
    private final TxManager manager;
    private final TxTracker tracker;
    private final StuckTxEscalator escalator;
    private final StuckTxEscalator.FreshFees fees;
    private final RevertDecoder reverts;
    private final Duration timeout;
    private final Duration pollEvery;

    public ManagedTransactionSender(ChainClient chain, TxManager manager, TxTracker tracker,
                                    StuckTxEscalator escalator, StuckTxEscalator.FreshFees fees,
                                    RevertDecoder reverts, Duration timeout, Duration pollEvery) {
        this.chain = chain;
        this.manager = manager;
        this.tracker = tracker;
        this.escalator = escalator;
        this.fees = fees;
        this.reverts = reverts;
        this.timeout = timeout;
        this.pollEvery = pollEvery;
    }

    @Override
    public String address() {
        return manager.wallet();
    }

    @Override
    public TransactionReceipt send(String to, String data, BigInteger value) {
        if (to == null) {
            throw new IllegalArgumentException("to: contract creation is not sent through the transaction manager");
        }
        try {
            BigInteger gasLimit = estimateGas(to, data, value);
            String hash;
            boolean uncertain = false;
            try {
                hash = manager.submit(new TxRequest(to, value, data, gasLimit), fees.quote()).hash();
            } catch (BroadcastUncertainException lost) {
                hash = lost.hash();
                uncertain = true;
            }
            boolean recover = uncertain;
            TxRecord outcome = tracker.awaitOutcome(hash, timeout, pollEvery, () -> {
                if (recover) {
                    tracker.recover(manager.wallet());
                }
                escalator.escalate();
            });
            if (outcome.status() == TxStatus.FAILED) {
                throw new ContractRevertedException("transaction " + outcome.hash(), outcome.reason());
            }
            return chain.receipt(outcome.hash()).orElseThrow(() ->
                    new IllegalStateException("receipt of " + outcome.hash() + " vanished (a reorg?)"));
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + to + " failed", e);
        }
    }

    /** eth_estimateGas runs the call on the latest state: a revert here costs nothing and says why. */
    private BigInteger estimateGas(String to, String data, BigInteger value) throws IOException {
        EthEstimateGas estimate = chain.estimateGas(manager.wallet(), to, data, value);
        if (estimate.hasError()) {
            Object revertData = estimate.getError().getData();
            String reason = revertData == null ? estimate.getError().getMessage()
                    : reverts.decode(ChainClient.hexIn(revertData));
            throw new ContractRevertedException("transaction to " + to, reason);
        }
        // 20 % margin: the estimate is for the state now; a pool can move before the transaction is mined.
        return estimate.getAmountUsed().multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN);
    }
}
