package dev.botfleet.dex.mempool;

import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads ABI-encoded arguments word by word: a call's arguments after its 4-byte selector, or a tuple/bytes element
 * inside them. Why by hand: the router calls we decode mix static structs (inline), dynamic structs (behind an
 * offset) and nested {@code bytes[]} (multicall); reading 32-byte words at known slots is shorter and clearer than
 * building web3j type references for each shape. Every read is bounds-checked: calldata from a stranger's pending
 * transaction may be anything, and a malformed one must be skipped, never crash the watcher.
 */
final class Calldata {
    private final byte[] data;
    private final int base;

    private Calldata(byte[] data, int base) {
        this.data = data;
        this.base = base;
    }

    /** The arguments of a call: everything after the selector. */
    static Calldata arguments(byte[] input) {
        if (input.length < 4) throw new MalformedCalldataException("shorter than a selector");
        return new Calldata(input, 4);
    }

    /** A function's return data: words from the start. */
    static Calldata returnData(byte[] data) {
        return new Calldata(data, 0);
    }

    /** The selector of a call, {@code 0x} and 8 hex digits. */
    static String selector(byte[] input) {
        if (input.length < 4) throw new MalformedCalldataException("shorter than a selector");
        return Numeric.toHexString(input, 0, 4, true);
    }

    BigInteger uint(int slot) {
        return new BigInteger(1, word(slot));
    }

    String address(int slot) {
        byte[] w = word(slot);
        return Numeric.toHexString(w, 12, 20, true);
    }

    /** A dynamic value's head holds its offset from the start of the enclosing arguments. */
    private int offset(int slot) {
        BigInteger offset = uint(slot);
        if (offset.bitLength() > 31 || base + offset.intValue() > data.length) {
            throw new MalformedCalldataException("offset " + offset + " beyond the calldata");
        }
        return base + offset.intValue();
    }

    /** A dynamic tuple (a struct with a dynamic field, e.g. exactInput's path) behind the offset in {@code slot}. */
    Calldata tuple(int slot) {
        return new Calldata(data, offset(slot));
    }

    byte[] bytes(int slot) {
        int at = offset(slot);
        int length = lengthAt(at);
        return slice(at + 32, length);
    }

    List<String> addresses(int slot) {
        int at = offset(slot);
        int length = lengthAt(at);
        Calldata elements = new Calldata(data, at + 32);
        List<String> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) out.add(elements.address(i));
        return out;
    }

    /** {@code bytes[]}: each element's offset is relative to the start of the elements (after the length). */
    List<byte[]> bytesArray(int slot) {
        int at = offset(slot);
        int length = lengthAt(at);
        Calldata elements = new Calldata(data, at + 32);
        List<byte[]> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) out.add(elements.bytes(i));
        return out;
    }

    private int lengthAt(int at) {
        BigInteger length = new BigInteger(1, slice(at, 32));
        if (length.bitLength() > 24) throw new MalformedCalldataException("length " + length + " is not plausible");
        return length.intValue();
    }

    private byte[] word(int slot) {
        return slice(base + slot * 32, 32);
    }

    private byte[] slice(int from, int length) {
        if (from < 0 || length < 0 || from + length > data.length) {
            throw new MalformedCalldataException("read of " + length + " bytes at " + from + " beyond "
                    + data.length + " bytes");
        }
        return Arrays.copyOfRange(data, from, from + length);
    }

    static final class MalformedCalldataException extends RuntimeException {
        MalformedCalldataException(String message) {
            super(message);
        }
    }
}
