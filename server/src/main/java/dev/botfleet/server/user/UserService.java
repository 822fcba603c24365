package dev.botfleet.server.user;

import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.config.BotfleetProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

@Service
public class UserService {
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** In UTF-8 bytes, not characters: bcrypt refuses (Spring) or silently ignores input beyond 72 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** Pragmatic shape check (something@domain.tld); the real proof would be a confirmation mail. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final BotfleetProperties properties;
    private final Clock clock;
    /** Makes "first user becomes ADMIN" exact within this server: two simultaneous first sign-ups cannot both win. */
    private final ReentrantLock registration = new ReentrantLock();

    public UserService(UserRepository users, PasswordEncoder passwords, TransactionTemplate tx,
                       BotfleetProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    public User register(String rawEmail, String password) {
        if (!properties.registration().enabled()) {
            throw new ApiException.Forbidden("Registration is closed on this server (botfleet.registration.enabled=false)");
        }
        Violations v = new Violations();
        String email = normalizeEmail(rawEmail);
        if (rawEmail == null || rawEmail.isBlank()) v.add("email", "is required", rawEmail);
        else if (email.length() > 254 || !EMAIL.matcher(email).matches()) v.add("email", "must be a valid email address", rawEmail);
        String problem = passwordProblem(password);
        if (problem != null) v.add("password", problem, null); // never echo a password
        v.throwIfAny();
        return insert(email, passwords.encode(password));
    }

    /**
     * An account for someone an identity provider vouches for (sign-in with OpenID Connect): same rules as
     * {@link #register} (sign-up open, first user ADMIN) but no password of their own. The stored hash is of a random
     * secret nobody knows, so password login fails for it exactly as for a wrong password, in the same time.
     */
    public User registerExternal(String rawEmail) {
        if (!properties.registration().enabled()) {
            throw new ApiException.Forbidden("Registration is closed on this server (botfleet.registration.enabled=false)");
        }
        String email = normalizeEmail(rawEmail);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new ApiException.Invalid("email", "must be a valid email address", rawEmail);
        }
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return insert(email, passwords.encode(java.util.HexFormat.of().formatHex(secret))); // 64 bytes: within bcrypt's 72
    }

    private User insert(String email, String hash) {
        registration.lock();
        try {
            return tx.execute(status -> {
                if (users.existsByEmail(email)) throw new ApiException.Conflict("An account with this email already exists");
                Instant now = Times.now(clock);
                User user = new User(UUID.randomUUID(), email, hash, users.count() == 0 ? Role.ADMIN : Role.USER, 0, now, now, null);
                users.insert(user);
                return user;
            });
        } finally {
            registration.unlock();
        }
    }

    /** Null when acceptable, else the rule it breaks in words. */
    public static String passwordProblem(String password) {
        if (password == null || password.isEmpty()) return "is required";
        if (password.length() < MIN_PASSWORD_LENGTH || tooLongForBcrypt(password)
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return "must be " + MIN_PASSWORD_LENGTH + " characters to " + MAX_PASSWORD_BYTES
                    + " bytes of UTF-8 (an emoji counts as 4) and contain at least one letter and one digit";
        }
        return null;
    }

    /** True when bcrypt cannot take this password at all; login treats it as wrong rather than failing. */
    public static boolean tooLongForBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public User get(UUID id) {
        return users.findById(id).orElseThrow(() -> new ApiException.Unauthorized("The account of this token no longer exists"));
    }
}
