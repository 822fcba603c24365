package dev.botfleet.dex.tx;

import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a revert's return data into plain words: {@code Error(string)} (require/revert with a message),
 * {@code Panic(uint256)} (assert, overflow, division by zero... — Solidity's documented codes) and custom errors by
 * their 4-byte selector, from signatures registered here (arguments of static types shown decoded).
 */
public final class RevertDecoder {

    private static final String ERROR_SELECTOR = "08c379a0";
    private static final String PANIC_SELECTOR = "4e487b71";

    /** Solidity's panic codes (docs.soliditylang.org, "Panic via assert and Error via require"). */
    private static final Map<Integer, String> PANICS = Map.ofEntries(
            Map.entry(0x00, "generic compiler panic"),
            Map.entry(0x01, "assertion failed"),
            Map.entry(0x11, "arithmetic overflow or underflow"),
            Map.entry(0x12, "division or modulo by zero"),
            Map.entry(0x21, "invalid value for an enum"),
            Map.entry(0x22, "corrupt storage byte array"),
            Map.entry(0x31, "pop on an empty array"),
            Map.entry(0x32, "array index out of bounds"),
            Map.entry(0x41, "out of memory (allocation too large)"),
            Map.entry(0x51, "call to an uninitialised function"));

    private final Map<String, String> customErrors = new LinkedHashMap<>();

    /** Registers a custom error by its canonical signature, e.g. {@code "InsufficientBalance(uint256,uint256)"}. */
    public RevertDecoder register(String signature) {
        customErrors.put(selector(signature), signature);
        return this;
    }

    public static String selector(String signature) {
        return Numeric.cleanHexPrefix(Hash.sha3String(signature)).substring(0, 8);
    }

    /** The plain reason for revert data ("0x..." hex; null or "0x" when the contract gave none). */
    public String decode(String revertData) {
        String hex = revertData == null ? "" : Numeric.cleanHexPrefix(revertData).toLowerCase(Locale.ROOT);
        if (hex.isEmpty()) {
            return "reverted without a reason";
        }
        if (hex.length() < 8) {
            return "reverted with malformed data 0x" + hex;
        }
        String selector = hex.substring(0, 8);
        String args = hex.substring(8);
        try {
            if (selector.equals(ERROR_SELECTOR)) {
                return decodeString(args);
            }
            if (selector.equals(PANIC_SELECTOR)) {
                int code = word(args, 0).intValueExact();
                return "panic 0x" + Integer.toHexString(code) + ": " + PANICS.getOrDefault(code, "unknown panic code");
            }
            String signature = customErrors.get(selector);
            if (signature != null) {
                return describeCustom(signature, args);
            }
        } catch (RuntimeException malformed) {
            return "reverted with malformed data 0x" + hex;
        }
        return "reverted with unknown custom error 0x" + selector;
    }

    private static String decodeString(String args) {
        int offset = word(args, 0).intValueExact();
        int start = offset * 2;
        int length = new BigInteger(args.substring(start, start + 64), 16).intValueExact();
        byte[] bytes = Numeric.hexStringToByteArray(args.substring(start + 64, start + 64 + length * 2));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String describeCustom(String signature, String args) {
        String name = signature.substring(0, signature.indexOf('('));
        String inner = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
        if (inner.isEmpty()) {
            return name + "()";
        }
        List<String> shown = new ArrayList<>();
        String[] types = inner.split(",");
        for (int i = 0; i < types.length; i++) {
            shown.add(staticValue(types[i].trim(), args, i));
        }
        return name + "(" + String.join(", ", shown) + ")";
    }

    /** Static types decoded; dynamic ones (string, bytes, arrays) are shown as their head word. */
    private static String staticValue(String type, String args, int index) {
        BigInteger w = word(args, index);
        if (type.startsWith("uint")) {
            return w.toString();
        }
        if (type.startsWith("int")) {
            int bits = type.length() == 3 ? 256 : Integer.parseInt(type.substring(3));
            return w.testBit(bits - 1) ? w.subtract(BigInteger.ONE.shiftLeft(256)).toString() : w.toString();
        }
        if (type.equals("address")) {
            return "0x" + args.substring(index * 64 + 24, index * 64 + 64);
        }
        if (type.equals("bool")) {
            return w.signum() == 0 ? "false" : "true";
        }
        return "0x" + args.substring(index * 64, index * 64 + 64);
    }

    private static BigInteger word(String args, int index) {
        return new BigInteger(args.substring(index * 64, index * 64 + 64), 16);
    }
}
