package dev.botfleet.dex.risk;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * EVM runtime bytecode read as instructions. PUSH1..PUSH32 (0x60-0x7f) carry 1-32 bytes of data that are skipped
 * as a whole, so a byte inside pushed data that happens to equal an opcode is never read as one; the Solidity
 * metadata (CBOR) appended after the code is cut off before the walk.
 */
public final class Bytecode {
    private static final int PUSH1 = 0x60;
    private static final int PUSH4 = 0x63;
    private static final int PUSH32 = 0x7f;
    private static final int EQ = 0x14;

    private Bytecode() {
    }

    /** @param hex with or without 0x; whitespace is ignored */
    public static byte[] fromHex(String hex) {
        String clean = hex.strip().replaceAll("\\s", "");
        if (clean.startsWith("0x") || clean.startsWith("0X")) clean = clean.substring(2);
        if (clean.length() % 2 != 0) throw new IllegalArgumentException("bytecode hex must have an even number of digits");
        return HexFormat.of().parseHex(clean);
    }

    /**
     * The function selectors a dispatcher compares the call's first four bytes with: every PUSH4 operand, and the
     * operand of a shorter PUSH directly followed by EQ (solc pushes a selector with leading zero bytes, such as
     * 0x00fdd58e, with PUSH3). Answered as 8 lower-case hex digits, in code order.
     */
    public static Set<String> selectors(byte[] code) {
        Set<String> selectors = new LinkedHashSet<>();
        int end = codeEnd(code);
        int pc = 0;
        while (pc < end) {
            int op = code[pc] & 0xff;
            if (op >= PUSH1 && op <= PUSH32) {
                int size = op - PUSH1 + 1;
                int next = pc + 1 + size;
                if (next > end) break; // truncated push at the end: data, not an instruction
                boolean comparedNext = next < end && (code[next] & 0xff) == EQ;
                if (op == PUSH4 || (size < 4 && comparedNext)) {
                    byte[] selector = new byte[4];
                    System.arraycopy(code, pc + 1, selector, 4 - size, size);
                    selectors.add(HexFormat.of().formatHex(selector));
                }
                pc = next;
            } else {
                pc++;
            }
        }
        return selectors;
    }

    /**
     * Where the instructions end: solc appends CBOR metadata (a map, first byte 0xa1-0xa5) and its length in the last
     * two bytes. When the last two bytes point at such a map, the walk stops there; otherwise the whole code is walked.
     */
    static int codeEnd(byte[] code) {
        if (code.length < 2) return code.length;
        int length = ((code[code.length - 2] & 0xff) << 8) | (code[code.length - 1] & 0xff);
        int start = code.length - 2 - length;
        if (length == 0 || start < 0) return code.length;
        int first = code[start] & 0xff;
        return first >= 0xa1 && first <= 0xa5 ? start : code.length;
    }
}
