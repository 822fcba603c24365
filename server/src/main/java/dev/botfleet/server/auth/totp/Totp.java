package dev.botfleet.server.auth.totp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, the only algorithm every authenticator app implements.
 * Codes are {@value #DIGITS} digits for a {@value #STEP_SECONDS}-second step; a code of the step before or after the
 * current one is accepted too, so a phone clock a little off (or a code typed as it rolls over) still works.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of the current one. */
    public static final int TOLERANCE = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** RFC 4226 section 5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
    public static String hotp(byte[] key, long counter, int digits) {
        if (digits < 1 || digits > 8) throw new IllegalArgumentException("digits must be 1 to 8");
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** RFC 6238 section 4: the number of whole steps since the Unix epoch (T0 = 0). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    public static String code(byte[] key, long step) {
        return hotp(key, step, DIGITS);
    }

    /**
     * The step whose code {@code code} is, among the current step and {@link #TOLERANCE} either side, if it is later
     * than {@code afterStep} (the last step accepted for this secret: a code is good once). Every candidate is computed
     * and compared in constant time, so the answer's timing does not tell which step matched.
     */
    public static OptionalLong match(byte[] key, String code, Instant at, long afterStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long now = step(at);
        long found = Long.MIN_VALUE;
        for (long s = now - TOLERANCE; s <= now + TOLERANCE; s++) {
            boolean equal = MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.US_ASCII), given);
            if (equal && s > afterStep && found == Long.MIN_VALUE) found = s;
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
