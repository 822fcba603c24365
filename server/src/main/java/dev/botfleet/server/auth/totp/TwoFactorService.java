package dev.botfleet.server.auth.totp;

import dev.botfleet.server.auth.PasswordCheck;
import dev.botfleet.server.auth.totp.TwoFactorRepository.TwoFactorRow;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Enrolment and settings of two-factor authentication: a setup (a new secret, inactive), confirmed by a first code
 * (which answers the recovery codes, once), disabled with the password and a code, and the two requirements (a code
 * for LIVE trading, a code for adding exchange keys).
 */
@Service
public class TwoFactorService {
    private static final Logger log = LoggerFactory.getLogger(TwoFactorService.class);
    static final String ISSUER = "botfleet";
    static final int RECOVERY_CODES = 10;

    private final TwoFactorRepository repository;
    private final SecondFactor secondFactor;
    private final UserService users;
    private final PasswordCheck passwordCheck;
    private final TwoFactorGate gate;
    private final TransactionTemplate tx;
    private final Clock clock;

    public TwoFactorService(TwoFactorRepository repository, SecondFactor secondFactor, UserService users,
                            PasswordCheck passwordCheck, TwoFactorGate gate, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.secondFactor = secondFactor;
        this.users = users;
        this.passwordCheck = passwordCheck;
        this.gate = gate;
        this.tx = tx;
        this.clock = clock;
    }

    public record Status(boolean enabled, boolean requireForLive, boolean requireForKeys, int recoveryCodesLeft) {
    }

    /** The secret is shown here only; {@link #toString()} keeps it out of logs. */
    public record Setup(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "Setup[***]";
        }
    }

    public Status status(UUID userId) {
        return repository.find(userId).filter(TwoFactorRow::enabled)
                .map(row -> new Status(true, row.requireForLive(), row.requireForKeys(), repository.recoveryCodesLeft(userId)))
                .orElse(new Status(false, false, false, 0));
    }

    /** A new secret replacing any unconfirmed one; nothing changes for logins until {@link #enable} confirms it. */
    public Setup setup(UUID userId) {
        User user = users.get(userId);
        if (repository.find(userId).filter(TwoFactorRow::enabled).isPresent()) {
            throw new ApiException.Conflict("Two-factor authentication is already on; disable it before setting it up again");
        }
        String secret = secondFactor.newSecret();
        repository.savePending(userId, secondFactor.encrypt(userId, secret), Times.now(clock));
        return new Setup(secret, otpauthUri(user.email(), secret));
    }

    /** Confirms the setup with a code of the app; answers the recovery codes, which are shown only now. */
    public List<String> enable(UUID userId, String code, String address) {
        User user = users.get(userId);
        TwoFactorRow row = repository.find(userId).orElseThrow(() ->
                new ApiException.Conflict("Start with POST /api/v1/me/2fa/setup: there is no secret to confirm"));
        if (row.enabled()) throw new ApiException.Conflict("Two-factor authentication is already on");
        if (SecondFactor.blank(code)) throw new ApiException.Invalid("code", "is required", null);
        secondFactor.throwIfLocked(user, address);
        OptionalLong step = secondFactor.stepOf(row, code);
        if (step.isEmpty()) {
            // the same throttle as every other code: confirming a setup is not a free oracle for guessing
            secondFactor.failed(user, address);
            throw new ApiException.Invalid("code", "is not the current code of your authenticator app", null);
        }
        List<String> codes = tx.execute(status -> repository.enable(userId, row.secretEnc(), step.getAsLong(), Times.now(clock))
                ? secondFactor.newRecoveryCodes(userId, RECOVERY_CODES) : null);
        if (codes == null) throw new ApiException.Conflict("The setup changed meanwhile (another setup or enable); start again");
        log.info("Two-factor authentication enabled for user {}", userId);
        return codes;
    }

    /** Needs the password and a code (or a recovery code): a stolen session alone cannot switch it off. */
    public void disable(UUID userId, String code, String recoveryCode, String password, String address) {
        User user = users.get(userId);
        TwoFactorRow row = enabledRow(userId);
        passwordCheck.confirm(user, password, "password", address);
        secondFactor.confirm(user, row, code, recoveryCode, address, SecondFactor.WrongAnswer.INVALID_FIELD);
        repository.delete(userId);
        log.info("Two-factor authentication disabled for user {}", userId);
    }

    /**
     * Turning a requirement on needs nothing more; turning one off needs a code in {@code otp}, since the point of a
     * requirement is that a stolen session token alone cannot trade live or add keys.
     */
    public Status setRequirements(UUID userId, Boolean live, Boolean keys, String otp, String address) {
        Violations v = new Violations();
        if (live == null) v.add("requireForLive", "is required (true or false)", null);
        if (keys == null) v.add("requireForKeys", "is required (true or false)", null);
        v.throwIfAny();
        TwoFactorRow row = enabledRow(userId);
        if ((row.requireForLive() && !live) || (row.requireForKeys() && !keys)) {
            gate.demandCode(users.get(userId), row, otp, address);
        }
        repository.setRequirements(userId, live, keys);
        return status(userId);
    }

    private TwoFactorRow enabledRow(UUID userId) {
        return repository.find(userId).filter(TwoFactorRow::enabled).orElseThrow(() ->
                new ApiException.Conflict("Two-factor authentication is not on for this account"));
    }

    /** The Key URI Format of Google Authenticator, understood by every TOTP app. */
    static String otpauthUri(String email, String secret) {
        // '@' may stand in a path; encoding it would show "%40" in some apps' account names
        String account = URLEncoder.encode(email, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
        return "otpauth://totp/" + ISSUER + ":" + account + "?secret=" + secret + "&issuer=" + ISSUER;
    }
}
