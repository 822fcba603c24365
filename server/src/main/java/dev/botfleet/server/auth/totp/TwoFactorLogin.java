package dev.botfleet.server.auth.totp;

import dev.botfleet.server.auth.LoginResponse;
import dev.botfleet.server.auth.LoginThrottle;
import dev.botfleet.server.auth.TokenService;
import dev.botfleet.server.auth.totp.TwoFactorRepository.TwoFactorRow;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The second step of a login with two-factor authentication on. The right password earns a random challenge (only
 * its SHA-256 is stored) good for {@link #LIFETIME}, once; the challenge with a code of the app or a recovery code
 * earns the token. Wrong codes are failed logins for the {@link LoginThrottle}; the account's failure record is only
 * cleared after the second step, so a password holder cannot reset the count between guesses of the code.
 */
@Component
public class TwoFactorLogin {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int CHALLENGE_BYTES = 32;

    private final TwoFactorRepository repository;
    private final SecondFactor secondFactor;
    private final UserRepository users;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TwoFactorLogin(TwoFactorRepository repository, SecondFactor secondFactor, UserRepository users,
                          TokenService tokens, LoginThrottle throttle, Clock clock) {
        this.repository = repository;
        this.secondFactor = secondFactor;
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** After the right password: a challenge when the user has two-factor authentication on. */
    public Optional<LoginResponse> challengeIfEnabled(User user) {
        if (repository.find(user.id()).filter(TwoFactorRow::enabled).isEmpty()) return Optional.empty();
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Times.now(clock);
        Instant expiresAt = now.plus(LIFETIME);
        repository.insertChallenge(SecondFactor.sha256(challenge), user.id(), user.tokenVersion(), expiresAt, now);
        return Optional.of(LoginResponse.secondFactor(challenge, expiresAt));
    }

    public LoginResponse complete(String challenge, String code, String recoveryCode, String address) {
        Violations v = new Violations();
        if (SecondFactor.blank(challenge)) v.add("challenge", "is required", null);
        if (SecondFactor.blank(code) && SecondFactor.blank(recoveryCode)) v.add("code", "is required (or a recoveryCode)", null);
        v.throwIfAny();
        String hash = SecondFactor.sha256(challenge);
        ApiException.Unauthorized stale = new ApiException.Unauthorized(
                "This sign-in expired or was already completed; log in again with your password");
        TwoFactorRepository.Challenge found = repository.findLiveChallenge(hash, Times.now(clock)).orElseThrow(() -> stale);
        User user = users.findById(found.userId()).orElseThrow(() -> stale);
        // a password change or "sign out everywhere" since the password step voids the challenge
        if (user.tokenVersion() != found.tokenVersion() || user.disabled()) throw stale;
        TwoFactorRow row = repository.find(user.id()).filter(TwoFactorRow::enabled).orElseThrow(() -> stale);
        secondFactor.confirm(user, row, code, recoveryCode, address, SecondFactor.WrongAnswer.INVALID_FIELD);
        if (!repository.useChallenge(hash, Times.now(clock))) throw stale;
        throttle.succeeded(user.email());
        return LoginResponse.of(tokens.issue(user));
    }
}
