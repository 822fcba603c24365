package dev.botfleet.server.auth.reset;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public endpoints: asking for a reset link by email, and setting a new password with the link's token. */
@RestController
@RequestMapping("/api/v1/auth/password-reset")
public class PasswordResetController {
    /** The one answer to every accepted request, whether or not the address has an account. */
    public record Accepted(String message) {
        static final Accepted SAME = new Accepted(
                "If an account uses this address, a link to reset its password is on its way. It works for a short time, once.");
    }

    public record ResetRequest(String email) {
    }

    public record ResetConfirmation(String token, String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[token=***, newPassword=***]";
        }
    }

    private final PasswordReset reset;

    public PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    /** The address is the TCP peer, as for login (server.forward-headers-strategy=native behind a proxy). */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted request(@RequestBody ResetRequest body, HttpServletRequest request) {
        reset.request(body.email(), request.getRemoteAddr());
        return Accepted.SAME;
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void confirm(@RequestBody ResetConfirmation body) {
        reset.confirm(body.token(), body.newPassword());
    }
}
