package dev.botfleet.server.wallet;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.auth.totp.TwoFactorGate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/wallet-keys")
public class WalletKeyController {
    private final WalletKeyService wallets;
    private final TwoFactorGate twoFactor;

    public WalletKeyController(WalletKeyService wallets, TwoFactorGate twoFactor) {
        this.wallets = wallets;
        this.twoFactor = twoFactor;
    }

    /** With the user's "require 2FA for keys" on, a code in X-Botfleet-OTP before the key reaches the vault. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public WalletKeyResponse create(CurrentUser user, @RequestBody WalletKeyRequest request,
                                    @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                                    HttpServletRequest http) {
        twoFactor.requireForKeys(user.id(), otp, http.getRemoteAddr());
        return WalletKeyResponse.of(wallets.create(user.id(), request));
    }

    @GetMapping
    public List<WalletKeyResponse> list(CurrentUser user) {
        return wallets.list(user.id()).stream().map(WalletKeyResponse::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(CurrentUser user, @PathVariable UUID id) {
        wallets.delete(user.id(), id);
    }

    /** What the API shows of a wallet: never the key. {@code signerUrl} is null for a stored key. */
    public record WalletKeyResponse(UUID id, String label, WalletKey.Kind kind, String address, String signerUrl,
                                    Instant createdAt) {
        static WalletKeyResponse of(WalletKey k) {
            return new WalletKeyResponse(k.id(), k.label(), k.kind(), k.address(), k.signerUrl(), k.createdAt());
        }
    }
}
