package dev.botfleet.dex.signer;

import org.web3j.crypto.RawTransaction;

/**
 * Who signs a wallet's transactions for the {@code TxManager}: a key held here ({@link LocalKeySigner}) or a signer
 * elsewhere that holds it ({@link Web3SignerClient}). Signing happens before the journal: a signer that fails throws
 * {@link SignerException} and nothing is journaled or broadcast.
 */
public interface TransactionSigner {

    /** The wallet's address, lower case with 0x: the only sender a signed transaction may recover to. */
    String address();

    /**
     * Signs an EIP-1559 transaction for {@code chainId}.
     *
     * @return the signed transaction, RLP encoded, 0x hex (what eth_sendRawTransaction takes)
     * @throws SignerException when the signer does not answer, refuses, or returns something else than was asked
     */
    String sign(RawTransaction transaction, long chainId);
}
