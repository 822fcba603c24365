package dev.botfleet.dex.tx;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** The few JSON-RPC calls the transaction manager needs, each through the {@link RpcGuard}. */
public final class ChainClient implements Broadcaster, NonceManager.ChainNonces {

    private final Web3j web3j;
    private final RpcGuard guard;

    public ChainClient(Web3j web3j, RpcGuard guard) {
        this.web3j = web3j;
        this.guard = guard;
    }

    @Override
    public BigInteger pendingCount(String wallet) throws IOException {
        return nonce(wallet, DefaultBlockParameterName.PENDING);
    }

    /** The number of the wallet's transactions mined so far: every nonce below it is used. */
    public BigInteger minedCount(String wallet) throws IOException {
        return nonce(wallet, DefaultBlockParameterName.LATEST);
    }

    private BigInteger nonce(String wallet, DefaultBlockParameterName tag) throws IOException {
        EthGetTransactionCount answer = guard.call("eth_getTransactionCount",
                () -> web3j.ethGetTransactionCount(wallet, tag).send());
        return checked(answer, "eth_getTransactionCount").getTransactionCount();
    }

    @Override
    public void send(String rawTx) throws IOException {
        EthSendTransaction answer = guard.call("eth_sendRawTransaction",
                () -> web3j.ethSendRawTransaction(rawTx).send());
        if (answer.hasError()) {
            String message = answer.getError().getMessage();
            // Sending the same signed bytes twice is harmless; nodes say so in their own words.
            String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
            if (m.contains("already known") || m.contains("known transaction") || m.contains("already imported")) {
                return;
            }
            throw new TxRejectedException(message);
        }
    }

    public Optional<TransactionReceipt> receipt(String hash) throws IOException {
        EthGetTransactionReceipt answer = guard.call("eth_getTransactionReceipt",
                () -> web3j.ethGetTransactionReceipt(hash).send());
        return checked(answer, "eth_getTransactionReceipt").getTransactionReceipt();
    }

    /** Whether the node knows the transaction at all (in its mempool or mined). */
    public boolean knows(String hash) throws IOException {
        EthTransaction answer = guard.call("eth_getTransactionByHash",
                () -> web3j.ethGetTransactionByHash(hash).send());
        return checked(answer, "eth_getTransactionByHash").getTransaction().isPresent();
    }

    /** {@code eth_estimateGas} from the wallet; a revert comes back as the answer's error (not thrown). */
    public org.web3j.protocol.core.methods.response.EthEstimateGas estimateGas(String from, String to, String data,
                                                                             BigInteger value) throws IOException {
        Transaction call = new Transaction(from, null, null, null, to, value, data);
        return guard.call("eth_estimateGas", () -> web3j.ethEstimateGas(call).send());
    }

    public long blockNumber() throws IOException {
        return checked(guard.call("eth_blockNumber", () -> web3j.ethBlockNumber().send()), "eth_blockNumber")
                .getBlockNumber().longValueExact();
    }

    /**
     * The revert data of a mined, failed transaction, by replaying its call on the state before its block (the
     * state just before it is not reachable over standard RPC; for a revert caused by an earlier transaction of the
     * same block the replay may succeed, and we then say so). Null when the replay does not revert.
     */
    public String revertData(TxRecord r, long block) throws IOException {
        Transaction call = Transaction.createFunctionCallTransaction(r.wallet(), null, null, r.gasLimit(), r.to(),
                r.value(), r.data());
        EthCall answer = guard.call("eth_call",
                () -> web3j.ethCall(call, DefaultBlockParameter.valueOf(BigInteger.valueOf(block - 1))).send());
        if (answer.hasError()) {
            return hexIn(answer.getError().getData());
        }
        return null;
    }

    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("0x[0-9a-fA-F]*");

    /**
     * The revert data in an error's {@code data}: geth and ganache 7 answer a hex string, which web3j hands over as a
     * JSON node (quotes included), so the first hex string in it is taken.
     */
    static String hexIn(Object data) {
        if (data == null) {
            return "0x";
        }
        java.util.regex.Matcher m = HEX.matcher(data.toString());
        return m.find() ? m.group() : "0x";
    }

    private static <R extends Response<?>> R checked(R answer, String method) throws IOException {
        if (answer.hasError()) {
            throw new IOException(method + " answered an error: " + answer.getError().getMessage());
        }
        return answer;
    }
}
