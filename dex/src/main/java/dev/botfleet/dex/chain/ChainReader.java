package dev.botfleet.dex.chain;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/** Read-only access to a chain: eth_call with reverts turned into {@link ContractRevertedException}. */
public final class ChainReader {
    /** eth_call needs a sender; the zero address is the conventional "nobody". */
    public static final String NOBODY = "0x0000000000000000000000000000000000000000";

    private final Web3j web3j;

    public ChainReader(Web3j web3j) {
        this.web3j = web3j;
    }

    public Web3j web3j() {
        return web3j;
    }

    /** eth_call at the latest block; returns the raw return data. */
    public String call(String to, String data) {
        return call(NOBODY, to, data, BigInteger.ZERO);
    }

    public String call(String from, String to, String data, BigInteger value) {
        Transaction tx = new Transaction(from, null, null, null, to, value, data);
        try {
            EthCall answer = web3j.ethCall(tx, DefaultBlockParameterName.LATEST).send();
            if (answer.hasError()) throw new ContractRevertedException("call to " + to, RevertReason.of(answer.getError()));
            if (answer.isReverted()) {
                String reason = RevertReason.fromRevertData(answer.getValue());
                throw new ContractRevertedException("call to " + to, reason == null ? answer.getRevertReason() : reason);
            }
            return answer.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException("eth_call to " + to + " failed", e);
        }
    }

    public BigInteger blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BigInteger etherBalance(String address) {
        try {
            return web3j.ethGetBalance(address, DefaultBlockParameter.valueOf("latest")).send().getBalance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
