package dev.botfleet.server.auth;

import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Confirms the password of a signed-in user before a sensitive change (new password, account deletion). Wrong
 * answers count against the same throttle as logins, so a stolen token cannot be used to guess the password.
 */
@Component
public class PasswordCheck {
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    public PasswordCheck(PasswordEncoder passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** @param field the request field that carried the password, named in the error */
    public void confirm(User user, String password, String field, String address) {
        if (password == null || password.isEmpty()) throw new ApiException.Invalid(field, "is required", null);
        Optional<Duration> locked = throttle.lockedFor(user.email(), address);
        if (locked.isPresent()) {
            throw new ApiException.RateLimited("Too many wrong passwords; try again in "
                    + Math.max(1, locked.get().toSeconds()) + " seconds", locked.get());
        }
        if (UserService.tooLongForBcrypt(password) || !passwords.matches(password, user.passwordHash())) {
            throttle.failed(user.email(), address);
            throw new ApiException.Invalid(field, "does not match your current password", null);
        }
    }
}
