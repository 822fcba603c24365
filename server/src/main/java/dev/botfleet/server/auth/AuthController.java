package dev.botfleet.server.auth;

import dev.botfleet.server.auth.totp.TwoFactorLogin;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserResponse;
import dev.botfleet.server.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {
    private final UserService users;
    private final AuthService auth;
    private final RegistrationThrottle registrations;
    private final TwoFactorLogin twoFactor;

    public AuthController(UserService users, AuthService auth, RegistrationThrottle registrations, TwoFactorLogin twoFactor) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.auth = auth;
        this.registrations = registrations;
    }

    /** Sign-ups are counted per client address (see {@link RegistrationThrottle}); the address is taken as at login. */
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public UserResponse register(@RequestBody Credentials body, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        registrations.waitFor(address).ifPresent(wait -> {
            throw new ApiException.RateLimited("Too many sign-ups from your address; try again in "
                    + Math.max(1, wait.toSeconds()) + " seconds", wait);
        });
        try {
            User user = users.register(body.email(), body.password());
            registrations.counted(address);
            return UserResponse.of(user);
        } catch (ApiException.Conflict taken) {
            registrations.counted(address); // probing for taken emails costs a hash too
            throw taken;
        }
    }

    /** The address is the TCP peer; behind a proxy set server.forward-headers-strategy=native to use X-Forwarded-For. */
    @PostMapping("/login")
    public LoginResponse login(@RequestBody Credentials body, HttpServletRequest request) {
        return auth.login(body.email(), body.password(), request.getRemoteAddr());
    }

    /** The second step of a login with two-factor authentication on: the challenge and a code (or a recovery code). */
    @PostMapping("/login/2fa")
    public LoginResponse secondFactor(@RequestBody SecondFactorAnswer body, HttpServletRequest request) {
        return twoFactor.complete(body.challenge(), body.code(), body.recoveryCode(), request.getRemoteAddr());
    }

    public record SecondFactorAnswer(String challenge, String code, String recoveryCode) {
        @Override
        public String toString() {
            return "SecondFactorAnswer[***]";
        }
    }

    public record Credentials(String email, String password) {
        @Override
        public String toString() {
            return "Credentials[email=" + email + ", password=***]";
        }
    }
}
