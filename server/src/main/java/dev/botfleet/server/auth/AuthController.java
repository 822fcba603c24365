package dev.botfleet.server.auth;

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

    public AuthController(UserService users, AuthService auth) {
        this.users = users;
        this.auth = auth;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public UserResponse register(@RequestBody Credentials body) {
        return UserResponse.of(users.register(body.email(), body.password()));
    }

    /** The address is the TCP peer; behind a proxy set server.forward-headers-strategy=native to use X-Forwarded-For. */
    @PostMapping("/login")
    public TokenService.TokenResponse login(@RequestBody Credentials body, HttpServletRequest request) {
        return auth.login(body.email(), body.password(), request.getRemoteAddr());
    }

    public record Credentials(String email, String password) {
        @Override
        public String toString() {
            return "Credentials[email=" + email + ", password=***]";
        }
    }
}
