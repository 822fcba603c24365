package dev.botfleet.dex.chain;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/**
 * The plainest {@link TransactionSender}: signs with a key (EIP-155 chain id, EIP-1559 fees), the gas limit from
 * eth_estimateGas plus a margin, the nonce asked from the node each time. Enough for one wallet sending one
 * transaction at a time (tests, the demo); the transaction manager replaces it for bots.
 *
 * <p>Fees: tip 1 gwei, max fee 2 × the latest base fee + tip (covers six full blocks of base-fee rises).
 */
public final class SimpleTransactionSender implements TransactionSender {
    private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);
    private static final long RECEIPT_POLL_MILLIS = 100;
    private static final int RECEIPT_POLL_ATTEMPTS = 600; // one minute

    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;
    private final RawTransactionManager manager;
    private final TransactionReceiptProcessor receipts;

    public SimpleTransactionSender(Web3j web3j, Credentials credentials, long chainId) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.chainId = chainId;
        this.manager = new RawTransactionManager(web3j, credentials, chainId);
        this.receipts = new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
    }

    @Override
    public String address() {
        return credentials.getAddress();
    }

    @Override
    public TransactionReceipt send(String to, String data, BigInteger value) {
        try {
            BigInteger gasLimit = estimateGas(to, data, value);
            BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                    .getBlock().getBaseFeePerGas();
            EthSendTransaction sent = baseFee == null
                    // a chain without EIP-1559 (no base fee): a legacy transaction at the node's gas price
                    ? manager.sendTransaction(web3j.ethGasPrice().send().getGasPrice(), gasLimit, to, data, value)
                    : manager.sendEIP1559Transaction(chainId, TIP, baseFee.shiftLeft(1).add(TIP), gasLimit, to, data, value);
            if (sent.hasError()) {
                throw new ContractRevertedException("transaction to " + to, RevertReason.of(sent.getError()));
            }
            TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK()) {
                String reason = receipt.getRevertReason() != null ? receipt.getRevertReason() : "status " + receipt.getStatus();
                throw new ContractRevertedException("transaction " + receipt.getTransactionHash(), reason);
            }
            return receipt;
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + to + " failed", e);
        } catch (TransactionException e) {
            throw new IllegalStateException("no receipt for a transaction to " + to, e);
        }
    }

    /** eth_estimateGas runs the transaction against the latest state: a revert here costs nothing and says why. */
    private BigInteger estimateGas(String to, String data, BigInteger value) throws IOException {
        Transaction call = new Transaction(address(), null, null, null, to, value, data);
        EthEstimateGas estimate = web3j.ethEstimateGas(call).send();
        if (estimate.hasError()) {
            throw new ContractRevertedException("transaction to " + (to == null ? "a new contract" : to),
                    RevertReason.of(estimate.getError()));
        }
        // 20 % margin: the estimate is for the state now; a pool can move before the transaction is mined.
        return estimate.getAmountUsed().multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN);
    }
}
