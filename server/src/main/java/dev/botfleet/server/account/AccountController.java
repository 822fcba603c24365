package dev.botfleet.server.account;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.auth.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account (GET /me is in the user package). */
@RestController
@RequestMapping("/api/v1/me")
public class AccountController {
    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Answers a fresh token; every earlier token of the account (this one included) stops working. */
    @PostMapping("/password")
    public TokenService.TokenResponse changePassword(CurrentUser user, @RequestBody PasswordChange body,
                                                     HttpServletRequest request) {
        return accounts.changePassword(user.id(), body.currentPassword(), body.newPassword(), request.getRemoteAddr());
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void signOutEverywhere(CurrentUser user) {
        accounts.signOutEverywhere(user.id());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(CurrentUser user, @RequestBody Confirmation body, HttpServletRequest request) {
        accounts.delete(user.id(), body.password(), request.getRemoteAddr());
    }

    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    public record Confirmation(String password) {
        @Override
        public String toString() {
            return "Confirmation[***]";
        }
    }
}
