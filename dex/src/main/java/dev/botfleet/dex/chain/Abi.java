package dev.botfleet.dex.chain;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.util.List;

/**
 * ABI calldata from a Solidity signature written out by hand, e.g. {@code "getAmountsOut(uint256,address[])"}.
 *
 * <p>Why not web3j's {@code Function}: Uniswap V3 takes structs ({@code exactInputSingle((address,...))}); a struct
 * made only of static fields is encoded exactly like its fields one after another, so writing the tuple in the
 * signature and passing the fields flat is the same bytes and needs no generated wrapper classes.
 */
public final class Abi {
    private Abi() {}

    /** The 4-byte selector and the encoded arguments, 0x-prefixed. */
    public static String call(String signature, Type<?>... args) {
        return FunctionEncoder.encode(selector(signature), List.of(args));
    }

    /** {@code 0x} and the first 4 bytes of keccak256(signature). */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** keccak256 of an event signature: the log's topic 0. */
    public static String topic(String eventSignature) {
        return Hash.sha3String(eventSignature);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<Type> decode(String hex, TypeReference<?>... outputs) {
        List<TypeReference<Type>> refs = (List) List.of(outputs);
        List<Type> values = FunctionReturnDecoder.decode(hex, refs);
        if (values.size() != outputs.length) {
            throw new IllegalStateException("expected " + outputs.length + " return values, got " + hex);
        }
        return values;
    }

    public static BigInteger uint(Type<?> value) {
        return (BigInteger) value.getValue();
    }

    public static String address(Type<?> value) {
        return ((Address) value).getValue();
    }

    public static Address addr(String address) {
        return new Address(address);
    }

    public static Uint256 u256(BigInteger value) {
        return new Uint256(value);
    }

    public static Uint256 u256(long value) {
        return new Uint256(value);
    }
}
