package dev.botfleet.dex.tx;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One journaled transaction: everything needed to find it on chain again (hash, wallet, nonce) and to send the very
 * same bytes again ({@code rawTx}) — never a new transaction for an intent already signed.
 *
 * @param hash        the transaction hash (keccak of rawTx), the record's key
 * @param wallet      the sender address, lower case
 * @param chainId     the chain it was signed for
 * @param nonce       the sender's nonce
 * @param kind        send, replacement or cancel
 * @param replaces    for a replacement or cancel, the hash it supersedes; otherwise null
 * @param to          recipient address
 * @param value       wei sent
 * @param data        call data hex ("0x" when none)
 * @param gasLimit    gas limit
 * @param maxFeePerGas         the EIP-1559 max fee in wei per gas
 * @param maxPriorityFeePerGas the EIP-1559 tip in wei per gas
 * @param rawTx       the signed transaction hex (public once broadcast; not a secret)
 * @param status      where it stands
 * @param blockNumber the block it was mined in, or null
 * @param reason      a plain-words note: the node's refusal, the decoded revert, who took the nonce; or null
 * @param createdAt   when it was signed
 */
public record TxRecord(String hash, String wallet, long chainId, BigInteger nonce, TxKind kind, String replaces,
                       String to, BigInteger value, String data, BigInteger gasLimit, BigInteger maxFeePerGas,
                       BigInteger maxPriorityFeePerGas, String rawTx, TxStatus status, Long blockNumber,
                       String reason, Instant createdAt) {

    public TxRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rawTx, "rawTx");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        hash = hash.toLowerCase(java.util.Locale.ROOT);
        wallet = wallet.toLowerCase(java.util.Locale.ROOT);
    }

    public TxRecord withStatus(TxStatus newStatus, Long block, String why) {
        return new TxRecord(hash, wallet, chainId, nonce, kind, replaces, to, value, data, gasLimit, maxFeePerGas,
                maxPriorityFeePerGas, rawTx, newStatus, block, why, createdAt);
    }
}
