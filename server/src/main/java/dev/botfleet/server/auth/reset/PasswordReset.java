package dev.botfleet.server.auth.reset;

import dev.botfleet.server.auth.LoginThrottle;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.FieldViolation;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.config.BotfleetProperties;
import dev.botfleet.server.notify.email.Mailer;
import dev.botfleet.server.user.TokensRevoked;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Password reset by email. A request is answered the same way whether or not the address has an account: the lookup,
 * the token and the mail happen on one background thread, so neither the answer nor its timing tells. The token (32
 * random bytes) is only in the mail; the database keeps its SHA-256. It expires, works once, and a newer request
 * replaces it. Confirming sets the password, revokes every login token and lifts the account's login lockout.
 */
@Service
public class PasswordReset {
    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);
    /** Longer than any token we issue (43 characters); anything longer is refused before hashing. */
    private static final int MAX_TOKEN_LENGTH = 100;
    /** Requests waiting for the mail thread; beyond this (an SMTP server that hangs under a flood) they are dropped. */
    private static final int QUEUE = 1_000;

    private final UserRepository users;
    private final PasswordResetTokens tokens;
    private final PasswordResetThrottle throttle;
    private final PasswordResetProperties properties;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final LoginThrottle logins;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor mailThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofVirtual().name("password-reset-mail").factory());

    public PasswordReset(UserRepository users, PasswordResetTokens tokens, PasswordResetThrottle throttle,
                         PasswordResetProperties properties, Mailer mailer, PasswordEncoder passwords,
                         LoginThrottle logins, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
                         BotfleetProperties botfleet) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.properties = properties;
        this.mailer = mailer;
        this.passwords = passwords;
        this.logins = logins;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.publicUrl = botfleet.publicUrl().replaceAll("/+$", "");
    }

    /** Queues the lookup and the mail; returns at once, the same way for every address. */
    public void request(String rawEmail, String address) {
        if (rawEmail == null || rawEmail.isBlank()) throw new ApiException.Invalid("email", "is required", rawEmail);
        String email = UserService.normalizeEmail(rawEmail);
        if (email.length() > 254) throw new ApiException.Invalid("email", "must be a valid email address", null);
        throttle.waitFor(email, address).ifPresent(wait -> {
            throw new ApiException.RateLimited("Too many password reset requests; try again in "
                    + Math.max(1, wait.toSeconds()) + " seconds", wait);
        });
        throttle.counted(email, address);
        try {
            mailThread.execute(() -> handle(email));
        } catch (RejectedExecutionException full) {
            log.warn("Password reset request dropped: {} requests are already waiting for the mail thread", QUEUE);
        }
    }

    private void handle(String email) {
        try {
            Optional<User> user = users.findByEmail(email);
            if (user.isEmpty() || user.get().disabled()) {
                log.debug("Password reset asked for an address without an active account; nothing sent");
                return;
            }
            UUID userId = user.get().id();
            if (!mailer.enabled()) {
                log.warn("Password reset asked for user {} but mail is off (botfleet.mail.enabled=false): no link was sent",
                        userId);
                return;
            }
            String token = newToken();
            Instant now = Times.now(clock);
            tx.executeWithoutResult(s -> tokens.replace(userId, hash(token), now, now.plus(properties.lifetime())));
            mailer.send(user.get().email(), "Reset your botfleet password", ResetMail.text(
                    user.get().email(), publicUrl + "/reset-password?token=" + token, properties.lifetime()));
            log.info("Password reset link sent to user {}", userId);
        } catch (Mailer.NotSent e) {
            log.warn("Password reset mail not sent: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Password reset request failed: {}", e.toString());
        }
    }

    /** Sets the new password if the token is good; the token is spent, every login token of the user revoked. */
    public void confirm(String token, String newPassword) {
        Violations v = new Violations();
        if (token == null || token.isBlank()) v.add("token", "is required", null);
        String problem = UserService.passwordProblem(newPassword);
        if (problem != null) v.add("newPassword", problem, null); // never echo a password
        v.throwIfAny();
        if (token.length() > MAX_TOKEN_LENGTH) throw invalidToken();
        String tokenHash = hash(token.strip());
        String passwordHash = passwords.encode(newPassword);
        UUID userId = tx.execute(s -> {
            PasswordResetTokens.Found found = tokens.find(tokenHash).orElseThrow(PasswordReset::invalidToken);
            Instant now = Times.now(clock);
            if (!now.isBefore(found.expiresAt()) || !tokens.consume(tokenHash)) throw invalidToken();
            users.changePassword(found.userId(), passwordHash, now); // moves the token version: every login token dies
            return found.userId();
        });
        events.publishEvent(new TokensRevoked(userId, "password reset"));
        // proving the mailbox is as good as the right password: a lockout from someone else's guessing ends here
        users.findById(userId).ifPresent(u -> logins.succeeded(u.email()));
        log.info("Password reset for user {}; earlier tokens revoked", userId);
    }

    private static ApiException invalidToken() {
        return new ApiException.Invalid(ErrorCode.RESET_TOKEN_INVALID, List.of(new FieldViolation("token",
                "is unknown, already used or expired; ask for a new reset link", null)));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        mailThread.shutdownNow();
    }
}
