package dev.botfleet.server.auth.totp;

import dev.botfleet.server.auth.totp.TwoFactorRepository.TwoFactorRow;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserService;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The user's own requirements: with "require for LIVE" on, creating, saving or starting a LIVE bot needs a fresh code
 * of the authenticator app in the {@value #HEADER} header; with "require for keys" on, so does adding an exchange
 * key. Missing: 403 TOTP_REQUIRED; wrong or already used: 403 TOTP_INVALID (counted as a failed login). Without the
 * requirement the header is ignored. Paper bots are never asked.
 */
@Component
public class TwoFactorGate {
    public static final String HEADER = "X-Botfleet-OTP";

    private final TwoFactorRepository repository;
    private final SecondFactor secondFactor;
    private final UserService users;

    public TwoFactorGate(TwoFactorRepository repository, SecondFactor secondFactor, UserService users) {
        this.repository = repository;
        this.secondFactor = secondFactor;
        this.users = users;
    }

    public void requireForLive(UUID userId, String otp, String address) {
        require(userId, TwoFactorRow::requireForLive, otp, address);
    }

    public void requireForKeys(UUID userId, String otp, String address) {
        require(userId, TwoFactorRow::requireForKeys, otp, address);
    }

    /** Whether this user's LIVE actions need a code (for paths without a header, e.g. a chat command). */
    public boolean requiredForLive(UUID userId) {
        return enabledRow(userId).map(TwoFactorRow::requireForLive).orElse(false);
    }

    private void require(UUID userId, Predicate<TwoFactorRow> requirement, String otp, String address) {
        Optional<TwoFactorRow> row = enabledRow(userId).filter(requirement);
        if (row.isPresent()) demandCode(users.get(userId), row.get(), otp, address);
    }

    /** A TOTP code in the header, accepted once; recovery codes are for logging in, not for confirming actions. */
    void demandCode(User user, TwoFactorRow row, String otp, String address) {
        if (SecondFactor.blank(otp)) {
            throw new ApiException.Forbidden(ErrorCode.TOTP_REQUIRED, "This action needs a code of your authenticator app"
                    + " in the " + HEADER + " header (your two-factor settings require it)");
        }
        secondFactor.confirm(user, row, otp, null, address, (field, message) ->
                new ApiException.Forbidden(ErrorCode.TOTP_INVALID, "The " + HEADER + " code " + message));
    }

    private Optional<TwoFactorRow> enabledRow(UUID userId) {
        return repository.find(userId).filter(TwoFactorRow::enabled);
    }
}
