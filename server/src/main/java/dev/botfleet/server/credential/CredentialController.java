package dev.botfleet.server.credential;

import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.auth.totp.TwoFactorGate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/credentials")
public class CredentialController {
    private final CredentialService credentials;
    private final TwoFactorGate twoFactor;

    public CredentialController(CredentialService credentials, TwoFactorGate twoFactor) {
        this.credentials = credentials;
        this.twoFactor = twoFactor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CredentialResponse create(CurrentUser user, @RequestBody CredentialRequest request,
                                     @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                                     HttpServletRequest http) {
        // the user's "require 2FA for keys": a code in X-Botfleet-OTP before the key reaches the vault or the venue
        twoFactor.requireForKeys(user.id(), otp, http.getRemoteAddr());
        return CredentialResponse.of(credentials.create(user.id(), request));
    }

    @GetMapping
    public List<CredentialResponse> list(CurrentUser user) {
        return credentials.list(user.id()).stream().map(CredentialResponse::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(CurrentUser user, @PathVariable UUID id) {
        credentials.delete(user.id(), id);
    }

    /** The key's balances at its venue, asked now (502 VENUE_UNAVAILABLE when the venue cannot answer). */
    @GetMapping("/{id}/balances")
    public BalancesResponse balances(CurrentUser user, @PathVariable UUID id) {
        Credential c = credentials.find(user.id(), id).orElseThrow(() -> new ApiException.NotFound("No credential " + id));
        var account = credentials.account(user.id(), id);
        return new BalancesResponse(id, c.exchange(), Instant.now(), account.balances().stream()
                .map(b -> new BalanceLine(b.asset(), Decimals.format(b.total()), Decimals.format(b.available())))
                .toList());
    }

    public record BalancesResponse(UUID credentialId, String exchange, Instant fetchedAt, List<BalanceLine> balances) {
    }

    public record BalanceLine(String asset, String total, String available) {
    }

    /**
     * @param apiKeyMasked "****" followed by the key's last 4 characters (only "****" for keys under 12 characters)
     * @param canTrade     what the venue said when the key was verified (null for sim)
     * @param warnings     plain words about a risky or useless key (withdrawals allowed, trading not allowed)
     */
    public record CredentialResponse(UUID id, String exchange, String label, String apiKeyMasked, boolean testnet,
                                     Boolean canTrade, Boolean canWithdraw, Instant verifiedAt, List<String> warnings,
                                     Instant createdAt) {
        static CredentialResponse of(Credential c) {
            List<String> warnings = new java.util.ArrayList<>();
            if (Boolean.TRUE.equals(c.canWithdraw())) {
                warnings.add("This key can withdraw funds. botfleet never withdraws: create a key without the"
                        + " withdrawal permission so a stolen key cannot empty the account.");
            }
            if (Boolean.FALSE.equals(c.canTrade())) {
                warnings.add("This key cannot trade: LIVE bots using it will fail. Enable spot trading for it.");
            }
            return new CredentialResponse(c.id(), c.exchange(), c.label(), "****" + c.apiKeyLast4(), c.testnet(),
                    c.canTrade(), c.canWithdraw(), c.verifiedAt(), List.copyOf(warnings), c.createdAt());
        }
    }
}
