package dev.botfleet.dex.chain;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;

/**
 * Sends a wallet's transactions and waits for their receipts. Swaps and approvals go through this, so the transaction
 * manager (nonces, fee strategy, replacement, journal: package {@code dex.tx}) can stand in for the simple sender.
 */
public interface TransactionSender {

    /** The sending wallet's address. */
    String address();

    /**
     * Sends {@code data} to {@code to} with {@code value} wei and returns the mined receipt.
     *
     * @throws ContractRevertedException if the node says it would revert (before anything is broadcast) or it did
     */
    TransactionReceipt send(String to, String data, BigInteger value);
}
