package dev.botfleet.dex.chain;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.Response;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a node says about a reverted call into words: Solidity's {@code Error(string)} ("UniswapV2Router:
 * INSUFFICIENT_OUTPUT_AMOUNT"), a {@code Panic(uint256)} code, or the node's own message when there is no data.
 */
public final class RevertReason {
    private static final String ERROR_SELECTOR = "0x08c379a0"; // Error(string)
    private static final String PANIC_SELECTOR = "0x4e487b71"; // Panic(uint256)
    private static final Pattern HEX_DATA = Pattern.compile("0x[0-9a-fA-F]{8,}");
    private static final Map<Integer, String> PANICS = Map.of(
            0x01, "assertion failed", 0x11, "arithmetic overflow or underflow", 0x12, "division by zero",
            0x21, "invalid enum value", 0x32, "array index out of bounds", 0x41, "out of memory");

    private RevertReason() {}

    /** The reason in an RPC error: decoded from its data when there is revert data, else its message. */
    public static String of(Response.Error error) {
        String fromData = error.getData() == null ? null : fromRevertData(error.getData());
        return fromData != null ? fromData : error.getMessage();
    }

    /**
     * Decodes revert data. The node may hand it as a bare hex string or inside a JSON object (ganache:
     * {@code {"result":"0x08c3...", ...}}), so the first long hex run is taken.
     */
    public static String fromRevertData(String data) {
        Matcher hex = HEX_DATA.matcher(data);
        if (!hex.find()) return null;
        String revert = hex.group();
        String selector = revert.substring(0, 10).toLowerCase();
        String body = "0x" + revert.substring(10);
        if (selector.equals(ERROR_SELECTOR)) {
            return Abi.decode(body, new TypeReference<Utf8String>() {}).getFirst().getValue().toString();
        }
        if (selector.equals(PANIC_SELECTOR)) {
            int code = ((BigInteger) Abi.decode(body, new TypeReference<Uint256>() {}).getFirst().getValue()).intValue();
            return "panic 0x" + Integer.toHexString(code) + ": " + PANICS.getOrDefault(code, "unknown panic");
        }
        return null;
    }
}
