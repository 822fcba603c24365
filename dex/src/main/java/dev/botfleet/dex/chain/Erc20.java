package dev.botfleet.dex.chain;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

import java.math.BigInteger;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;

/** An ERC-20 token's reads and the calldata of its writes. Amounts are in the token's smallest units. */
public final class Erc20 {
    private final ChainReader chain;
    private final String address;

    public Erc20(ChainReader chain, String address) {
        this.chain = chain;
        this.address = address;
    }

    public String address() {
        return address;
    }

    public BigInteger balanceOf(String owner) {
        return uint(chain.call(address, Abi.call("balanceOf(address)", addr(owner))));
    }

    public BigInteger allowance(String owner, String spender) {
        return uint(chain.call(address, Abi.call("allowance(address,address)", addr(owner), addr(spender))));
    }

    public int decimals() {
        String answer = chain.call(address, Abi.call("decimals()"));
        return ((BigInteger) Abi.decode(answer, new TypeReference<Uint8>() {}).getFirst().getValue()).intValueExact();
    }

    public String symbol() {
        String answer = chain.call(address, Abi.call("symbol()"));
        return Abi.decode(answer, new TypeReference<Utf8String>() {}).getFirst().getValue().toString();
    }

    public static String approve(String spender, BigInteger amount) {
        return Abi.call("approve(address,uint256)", addr(spender), u256(amount));
    }

    public static String transfer(String to, BigInteger amount) {
        return Abi.call("transfer(address,uint256)", addr(to), u256(amount));
    }

    private static BigInteger uint(String answer) {
        return Abi.uint(Abi.decode(answer, new TypeReference<Uint256>() {}).getFirst());
    }
}
