package dev.botfleet.server.auth.totp;

import dev.botfleet.server.auth.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The signed-in user's two-factor authentication (docs/api/auth.md "Two-factor authentication"). */
@RestController
@RequestMapping("/api/v1/me/2fa")
public class TwoFactorController {
    private final TwoFactorService twoFactor;

    public TwoFactorController(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping
    public TwoFactorService.Status status(CurrentUser user) {
        return twoFactor.status(user.id());
    }

    /** A new secret, inactive until {@code enable} confirms a code of it; 409 while 2FA is on. */
    @PostMapping("/setup")
    public TwoFactorService.Setup setup(CurrentUser user) {
        return twoFactor.setup(user.id());
    }

    /** Turns 2FA on; the recovery codes are answered here and never again. */
    @PostMapping("/enable")
    public RecoveryCodes enable(CurrentUser user, @RequestBody CodeBody body, HttpServletRequest request) {
        return new RecoveryCodes(twoFactor.enable(user.id(), body.code(), request.getRemoteAddr()));
    }

    @PostMapping("/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disable(CurrentUser user, @RequestBody DisableBody body, HttpServletRequest request) {
        twoFactor.disable(user.id(), body.code(), body.recoveryCode(), body.password(), request.getRemoteAddr());
    }

    /** Turning a requirement off needs a code in the X-Botfleet-OTP header; 409 while 2FA is off. */
    @PutMapping("/requirements")
    public TwoFactorService.Status requirements(CurrentUser user, @RequestBody Requirements body,
                                                @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                                                HttpServletRequest request) {
        return twoFactor.setRequirements(user.id(), body.requireForLive(), body.requireForKeys(), otp, request.getRemoteAddr());
    }

    public record CodeBody(String code) {
        @Override
        public String toString() {
            return "CodeBody[***]";
        }
    }

    public record DisableBody(String code, String recoveryCode, String password) {
        @Override
        public String toString() {
            return "DisableBody[***]";
        }
    }

    public record Requirements(Boolean requireForLive, Boolean requireForKeys) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodes[***]";
        }
    }
}
