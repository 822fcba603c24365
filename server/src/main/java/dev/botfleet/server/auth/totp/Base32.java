package dev.botfleet.server.auth.totp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Base32 of RFC 4648 section 6 (alphabet A-Z 2-7), the form authenticator apps take a TOTP secret in. Encoding adds
 * no padding (otpauth URIs carry none); decoding accepts upper or lower case, optional '=' padding, and spaces or
 * dashes between groups, as people type them.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** Without padding. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    /** With '=' padding to a multiple of 8 characters, exactly as RFC 4648's test vectors print it. */
    public static String encodePadded(byte[] data) {
        StringBuilder s = new StringBuilder(encode(data));
        while (s.length() % 8 != 0) s.append('=');
        return s.toString();
    }

    /** @throws IllegalArgumentException on a character outside the alphabet or a length no encoding can have */
    public static byte[] decode(String text) {
        String clean = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        int end = clean.length();
        while (end > 0 && clean.charAt(end - 1) == '=') end--;
        // 1, 3 and 6 leftover characters carry fewer than 8 bits of a byte: no encoder writes them
        int rest = end % 8;
        if (rest == 1 || rest == 3 || rest == 6) throw new IllegalArgumentException("not a base32 length");
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(clean.charAt(i));
            if (value < 0) throw new IllegalArgumentException("not a base32 character at " + i);
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
