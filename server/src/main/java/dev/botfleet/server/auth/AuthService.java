package dev.botfleet.server.auth;

import dev.botfleet.server.auth.totp.TwoFactorLogin;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

@Service
public class AuthService {
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final TwoFactorLogin twoFactor;
    /**
     * Checked when the email is unknown, so a wrong email costs as much time as a wrong password. Hashed on a virtual
     * thread: one bcrypt hash in a cold JVM is a tenth of a second or more the server's start need not wait for.
     */
    private final CompletableFuture<String> decoyHash;

    public AuthService(UserRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle,
                       TwoFactorLogin twoFactor) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.decoyHash = CompletableFuture.supplyAsync(() -> passwords.encode("decoy-password-0"),
                task -> Thread.ofVirtual().name("decoy-hash").start(task));
    }

    /** With two-factor authentication on, the answer is a challenge for {@link TwoFactorLogin#complete}, not a token. */
    public LoginResponse login(String rawEmail, String password, String address) {
        Violations v = new Violations();
        if (rawEmail == null || rawEmail.isBlank()) v.add("email", "is required", rawEmail);
        if (password == null || password.isEmpty()) v.add("password", "is required", null);
        v.throwIfAny();
        String email = UserService.normalizeEmail(rawEmail);
        Optional<Duration> locked = throttle.lockedFor(email, address);
        if (locked.isPresent()) {
            throw new ApiException.RateLimited("Too many failed logins; try again in "
                    + Math.max(1, locked.get().toSeconds()) + " seconds", locked.get());
        }
        Optional<User> user = users.findByEmail(email);
        // no stored password can be longer than bcrypt's limit, and bcrypt would throw on it
        boolean matches = !UserService.tooLongForBcrypt(password)
                && passwords.matches(password, user.map(User::passwordHash).orElseGet(decoyHash::join))
                && user.isPresent();
        if (!matches) {
            throttle.failed(email, address);
            throw new ApiException.Unauthorized("Wrong email or password");
        }
        if (user.get().disabled()) {
            throttle.succeeded(email);
            // said only after the right password, so it confirms nothing to a guesser
            throw new ApiException.Forbidden("This account is disabled; ask the server's administrator");
        }
        // the account's failures are cleared only once the second factor is right too (TwoFactorLogin)
        Optional<LoginResponse> challenge = twoFactor.challengeIfEnabled(user.get());
        if (challenge.isPresent()) return challenge.get();
        throttle.succeeded(email);
        return LoginResponse.of(tokens.issue(user.get()));
    }
}
