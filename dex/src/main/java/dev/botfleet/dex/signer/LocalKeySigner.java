package dev.botfleet.dex.signer;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.util.Locale;

/** Signs with a key held in this process (decrypted from the vault by the caller). RFC 6979: same input, same bytes. */
public final class LocalKeySigner implements TransactionSigner {
    private final Credentials key;
    private final String address;

    public LocalKeySigner(Credentials key) {
        this.key = key;
        this.address = key.getAddress().toLowerCase(Locale.ROOT);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String sign(RawTransaction transaction, long chainId) {
        return Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, key));
    }

    @Override
    public String toString() {
        return "LocalKeySigner[address=" + address + ", key=***]";
    }
}
