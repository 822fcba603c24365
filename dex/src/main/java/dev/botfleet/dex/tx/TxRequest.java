package dev.botfleet.dex.tx;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What a bot wants sent, before nonce and fees.
 *
 * @param to       recipient or contract address
 * @param value    wei to send
 * @param data     call data hex, "0x" for a plain transfer
 * @param gasLimit the gas limit (from eth_estimateGas plus a margin, by the caller)
 */
public record TxRequest(String to, BigInteger value, String data, BigInteger gasLimit) {
    public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

    public TxRequest {
        Objects.requireNonNull(to, "to");
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("value must not be negative");
        }
        data = data == null || data.isEmpty() ? "0x" : data;
        if (gasLimit == null || gasLimit.compareTo(TRANSFER_GAS) < 0) {
            throw new IllegalArgumentException("gasLimit must be at least 21000");
        }
    }

    public static TxRequest transfer(String to, BigInteger wei) {
        return new TxRequest(to, wei, "0x", TRANSFER_GAS);
    }
}
