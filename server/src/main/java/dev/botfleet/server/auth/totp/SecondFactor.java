package dev.botfleet.server.auth.totp;

import dev.botfleet.server.auth.LoginThrottle;
import dev.botfleet.server.auth.totp.TwoFactorRepository.TwoFactorRow;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.credential.SecretCipher;
import dev.botfleet.server.user.User;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Checks a second factor of a user: a TOTP code (each 30-second step accepted once, then never again) or a one-time
 * recovery code. Wrong answers count against the {@link LoginThrottle} of the account and the address, like wrong
 * passwords: six digits would otherwise be guessed in minutes by anyone holding a session token or a password.
 */
@Component
public class SecondFactor {
    /** 20 bytes = 160 bits, RFC 4226's recommended secret length (and HmacSHA1's block-friendly size). */
    static final int SECRET_BYTES = 20;
    /** 10 bytes = 80 bits per recovery code: safe to store as a plain SHA-256, no slow hash needed. */
    private static final int RECOVERY_BYTES = 10;

    private final TwoFactorRepository repository;
    private final SecretCipher cipher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecondFactor(TwoFactorRepository repository, SecretCipher cipher, LoginThrottle throttle, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** What a code turned out to be. */
    public enum Verdict { ACCEPTED, WRONG, REPLAYED }

    /** A new random secret in base32, as authenticator apps take it. */
    String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base32.encode(secret);
    }

    String encrypt(UUID userId, String base32Secret) {
        return cipher.encrypt(base32Secret, aad(userId));
    }

    /** The step a code of this row's secret is of, if it is valid now and was never used; nothing is recorded. */
    OptionalLong stepOf(TwoFactorRow row, String code) {
        return Totp.match(secret(row), normalizeCode(code), clock.instant(), row.lastStepOrMin());
    }

    /** Accepts a TOTP code once: the step is recorded atomically, so a replay (even a concurrent one) is refused. */
    public Verdict checkCode(TwoFactorRow row, String code) {
        OptionalLong step = stepOf(row, code);
        if (step.isPresent() && repository.useStep(row.userId(), step.getAsLong())) return Verdict.ACCEPTED;
        boolean knownButUsed = step.isPresent()
                || Totp.match(secret(row), normalizeCode(code), clock.instant(), Long.MIN_VALUE).isPresent();
        return knownButUsed ? Verdict.REPLAYED : Verdict.WRONG;
    }

    /** Consumes a recovery code; false when it is not one of the user's unused codes. */
    public boolean useRecoveryCode(UUID userId, String recoveryCode) {
        String normalized = normalizeRecovery(recoveryCode);
        return !normalized.isEmpty() && repository.consumeRecoveryCode(userId, hashRecovery(userId, normalized), clock.instant());
    }

    /**
     * A throttled check of either answer (the code wins when both are given). Throws 429 while the account or address
     * is locked; counts a wrong answer as a failed login and throws {@code wrong}'s exception for the field.
     */
    public void confirm(User user, TwoFactorRow row, String code, String recoveryCode, String address, WrongAnswer wrong) {
        throwIfLocked(user, address);
        if (!blank(code)) {
            Verdict verdict = checkCode(row, code);
            if (verdict == Verdict.ACCEPTED) return;
            failed(user, address);
            throw wrong.refuse("code", verdict == Verdict.REPLAYED
                    ? "was already used; wait for the next code of your authenticator app"
                    : "is not the current code of your authenticator app");
        }
        if (!blank(recoveryCode)) {
            if (useRecoveryCode(user.id(), recoveryCode)) return;
            failed(user, address);
            throw wrong.refuse("recoveryCode", "is not one of your unused recovery codes");
        }
        throw new ApiException.Invalid("code", "is required (or a recoveryCode)", null);
    }

    /** 429 while the account or the address is locked by wrong passwords or codes. */
    public void throwIfLocked(User user, String address) {
        Optional<Duration> locked = throttle.lockedFor(user.email(), address);
        if (locked.isPresent()) {
            throw new ApiException.RateLimited("Too many wrong passwords or codes; try again in "
                    + Math.max(1, locked.get().toSeconds()) + " seconds", locked.get());
        }
    }

    /** Counts a wrong code like a wrong password. */
    public void failed(User user, String address) {
        throttle.failed(user.email(), address);
    }

    /** Builds the exception for a wrong answer in the caller's terms (400 naming the field, 403 TOTP_INVALID, ...). */
    @FunctionalInterface
    public interface WrongAnswer {
        ApiException refuse(String field, String message);

        WrongAnswer INVALID_FIELD = (field, message) -> new ApiException.Invalid(field, message, null);
    }

    /** Ten fresh recovery codes as shown to the user, e.g. {@code k3vq-7pzm-c2xa-9dwe}; their hashes go to the store. */
    java.util.List<String> newRecoveryCodes(UUID userId, int count) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        java.util.List<String> hashes = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[RECOVERY_BYTES];
            random.nextBytes(bytes);
            String plain = Base32.encode(bytes).toLowerCase(Locale.ROOT);
            codes.add(plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8, 12) + "-" + plain.substring(12));
            hashes.add(hashRecovery(userId, plain));
        }
        repository.replaceRecoveryCodes(userId, hashes);
        return codes;
    }

    private byte[] secret(TwoFactorRow row) {
        return Base32.decode(cipher.decrypt(row.secretEnc(), aad(row.userId())));
    }

    /** Binds the ciphertext to its user: a secret copied into another user's row does not decrypt. */
    private static String aad(UUID userId) {
        return "two_factor:" + userId + ":secret";
    }

    /** Authenticator apps show "123 456"; people paste it so. */
    static String normalizeCode(String code) {
        return code == null ? null : code.replace(" ", "").strip();
    }

    static String normalizeRecovery(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }

    static String hashRecovery(UUID userId, String normalized) {
        return sha256(userId + ":" + normalized);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
