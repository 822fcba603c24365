package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.LocalChain;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/**
 * Sends a signed transaction and returns its hash at once, without waiting for a receipt: with the local chain's
 * miner stopped it stays pending, as a competitor's transaction in the mempool. One pending transaction per account
 * at a time (the nonce is the account's mined count: ganache's "pending" count ignores its pool, docs/dex.md).
 */
public final class PendingSender {
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(800_000);

    private PendingSender() {}

    public static String send(LocalChain chain, Credentials from, String to, String data, BigInteger value) {
        try {
            BigInteger nonce = chain.web3j().ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.LATEST)
                    .send().getTransactionCount();
            BigInteger gasPrice = chain.web3j().ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
            RawTransaction tx = RawTransaction.createTransaction(nonce, gasPrice, GAS_LIMIT, to, value, data);
            String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chain.chainId(), from));
            EthSendTransaction sent = chain.web3j().ethSendRawTransaction(signed).send();
            if (sent.hasError()) throw new IllegalStateException("send refused: " + sent.getError().getMessage());
            return sent.getTransactionHash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
