package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.TransactionSender;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;

/** Wrapping ether into WETH (the ERC-20 the pools hold) and back. */
public final class Weth {
    private final String address;

    public Weth(String address) {
        this.address = address;
    }

    /** deposit(): {@code wei} ether becomes {@code wei} WETH of the sender. */
    public TransactionReceipt wrap(TransactionSender wallet, BigInteger wei) {
        return wallet.send(address, Abi.call("deposit()"), wei);
    }

    /** withdraw(wad): WETH back to ether. */
    public TransactionReceipt unwrap(TransactionSender wallet, BigInteger wei) {
        return wallet.send(address, Abi.call("withdraw(uint256)", Abi.u256(wei)), BigInteger.ZERO);
    }
}
