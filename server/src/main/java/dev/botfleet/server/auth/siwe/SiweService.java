package dev.botfleet.server.auth.siwe;

import dev.botfleet.dex.siwe.SiweException;
import dev.botfleet.dex.siwe.SiweMessage;
import dev.botfleet.dex.siwe.SiweVerifier;
import dev.botfleet.server.auth.LoginResponse;
import dev.botfleet.server.auth.TokenService;
import dev.botfleet.server.auth.totp.TwoFactorLogin;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.FieldViolation;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.web3j.crypto.Keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sign-In with Ethereum for botfleet accounts: nonces, the sign-in that earns the same login token as a password (or
 * the same second-factor challenge), and the addresses linked to an account. A message is checked in full (format,
 * domain, validity window, signature) before its nonce is spent, so a bad request cannot burn someone's nonce.
 */
@Service
public class SiweService {
    private static final Logger log = LoggerFactory.getLogger(SiweService.class);
    /** Accounts made by a wallet sign-in get this placeholder email (.invalid is reserved, RFC 2606: no mail goes out). */
    static final String PLACEHOLDER_DOMAIN = "@wallet.invalid";
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** 20 of 62 symbols: 119 bits, well above the EIP's minimum of 8 alphanumerics. */
    private static final int NONCE_LENGTH = 20;

    private final SiweProperties properties;
    private final SiweNonces nonces;
    private final WalletAddresses addresses;
    private final UserRepository users;
    private final UserService userService;
    private final TokenService tokens;
    private final TwoFactorLogin twoFactor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SiweService(SiweProperties properties, SiweNonces nonces, WalletAddresses addresses, UserRepository users,
                       UserService userService, TokenService tokens, TwoFactorLogin twoFactor, Clock clock) {
        this.properties = properties;
        this.nonces = nonces;
        this.addresses = addresses;
        this.users = users;
        this.userService = userService;
        this.tokens = tokens;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /** @param domain what a message must name as its domain (the answer tells the client) */
    public record Nonce(String nonce, Instant expiresAt, String domain) {
    }

    /** A linked address in checksum form. */
    public record LinkedAddress(String address, Instant linkedAt) {
    }

    /**
     * @param userId null for a sign-in nonce, the account for a linking nonce
     * @param client the client's address (the TCP peer, as for login): unspent nonces are limited per client
     */
    public Nonce nonce(UUID userId, String domain, String client) {
        Instant now = Times.now(clock);
        SiweNonces.Open open = nonces.open(client, now);
        if (open.ofClient() >= properties.maxOpenNoncesPerClient() || open.total() >= properties.maxOpenNonces()) {
            // the oldest of them expires within the lifetime: a safe upper bound for Retry-After
            throw new ApiException.RateLimited("Too many wallet sign-ins under way"
                    + (open.ofClient() >= properties.maxOpenNoncesPerClient() ? " from your address" : "")
                    + "; use a nonce you asked for, or try again later", properties.nonceLifetime());
        }
        StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) nonce.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        Instant expiresAt = now.plus(properties.nonceLifetime());
        nonces.insert(nonce.toString(), userId, client, expiresAt, now);
        return new Nonce(nonce.toString(), expiresAt, domain);
    }

    /** The domain messages must name: the configured one, else the Host the request came to. */
    public String expectedDomain(String requestHost) {
        return properties.domain() != null ? properties.domain() : requestHost;
    }

    public LoginResponse signIn(String message, String signature, String domain) {
        SiweMessage verified = verify(message, signature, domain, null);
        String address = verified.address().toLowerCase(Locale.ROOT);
        User user = addresses.find(address).flatMap(link -> users.findById(link.userId()))
                .orElseGet(() -> register(address));
        if (user.disabled()) throw new ApiException.Forbidden("This account is disabled; ask the server's administrator");
        log.info("SIWE: account {} signed in with address {}", user.id(), verified.address());
        return twoFactor.challengeIfEnabled(user).orElseGet(() -> LoginResponse.of(tokens.issue(user)));
    }

    /** 201 when the address is new to the account, false (200) when it was linked to it already. */
    public record LinkResult(LinkedAddress address, boolean created) {
    }

    public LinkResult link(UUID userId, String message, String signature, String domain) {
        SiweMessage verified = verify(message, signature, domain, userId);
        String address = verified.address().toLowerCase(Locale.ROOT);
        var existing = addresses.find(address);
        if (existing.isPresent()) {
            if (!existing.get().userId().equals(userId)) throw new ApiException.Conflict("This address is linked to another account");
            return new LinkResult(view(existing.get()), false);
        }
        Instant now = Times.now(clock);
        try {
            addresses.insert(address, userId, now);
        } catch (DataIntegrityViolationException race) {
            throw new ApiException.Conflict("This address was linked to an account meanwhile");
        }
        log.info("SIWE: address {} linked to account {}", verified.address(), userId);
        return new LinkResult(new LinkedAddress(verified.address(), now), true);
    }

    public List<LinkedAddress> linked(UUID userId) {
        return addresses.of(userId).stream().map(SiweService::view).toList();
    }

    /**
     * Refused for the last address of an account a wallet sign-in created: it has no password and no email to reset
     * one with, so the address is its only way in.
     */
    public void unlink(UUID userId, String rawAddress) {
        if (rawAddress == null || !ADDRESS.matcher(rawAddress).matches()) {
            throw new ApiException.Invalid("address", "must be 0x and 40 hexadecimal digits", rawAddress);
        }
        String address = rawAddress.toLowerCase(Locale.ROOT);
        var link = addresses.find(address).filter(l -> l.userId().equals(userId))
                .orElseThrow(() -> new ApiException.NotFound("No linked address " + rawAddress));
        User user = userService.get(userId);
        if (user.email().endsWith(PLACEHOLDER_DOMAIN) && addresses.of(userId).size() == 1) {
            throw new ApiException.Conflict("This address is the only way into this account (it was created by a"
                    + " wallet sign-in and has no password); link another address first");
        }
        if (!addresses.delete(link.address(), userId)) throw new ApiException.NotFound("No linked address " + rawAddress);
        log.info("SIWE: address {} unlinked from account {}", Keys.toChecksumAddress(address), userId);
    }

    /** Format, domain, window and signature first; the nonce last, so only a fully valid message spends it. */
    private SiweMessage verify(String message, String signature, String domain, UUID userId) {
        Violations v = new Violations();
        if (message == null || message.isBlank()) v.add("message", "is required", null);
        if (signature == null || signature.isBlank()) v.add("signature", "is required", null);
        v.throwIfAny();
        Instant now = Times.now(clock);
        SiweMessage verified;
        try {
            verified = SiweVerifier.verify(message, signature, domain, now);
        } catch (SiweException e) {
            throw refusal(e);
        }
        if (!nonces.spend(verified.nonce(), userId, now)) {
            throw new ApiException.Unauthorized(ErrorCode.SIWE_NONCE_INVALID, "The message's nonce was not issued by this"
                    + " server" + (userId == null ? " for a sign-in" : " for linking to your account")
                    + ", was already used, or expired; ask for a new nonce and sign again");
        }
        return verified;
    }

    private static ApiException refusal(SiweException e) {
        String detail = "Sign-In with Ethereum refused: " + e.getMessage();
        return switch (e.reason()) {
            case MALFORMED -> new ApiException.Invalid(ErrorCode.SIWE_MALFORMED,
                    List.of(new FieldViolation("message", e.getMessage(), null)));
            case WRONG_DOMAIN -> new ApiException.Unauthorized(ErrorCode.SIWE_WRONG_DOMAIN, detail);
            case EXPIRED -> new ApiException.Unauthorized(ErrorCode.SIWE_EXPIRED, detail);
            case NOT_YET_VALID -> new ApiException.Unauthorized(ErrorCode.SIWE_NOT_YET_VALID, detail);
            case BAD_SIGNATURE, ADDRESS_MISMATCH -> new ApiException.Unauthorized(ErrorCode.SIWE_BAD_SIGNATURE, detail);
        };
    }

    /** The first sign-in of an address no account has: a new account when configured so and sign-up is open. */
    private User register(String address) {
        if (!properties.autoRegister()) {
            throw new ApiException.Forbidden(ErrorCode.SIWE_ADDRESS_NOT_LINKED, "No account is linked to this address;"
                    + " sign in another way and link it in Settings (this server does not create accounts for new"
                    + " addresses: botfleet.siwe.auto-register=false)");
        }
        User user;
        try {
            user = userService.registerExternal(address + PLACEHOLDER_DOMAIN);
        } catch (ApiException.Conflict taken) {
            // the same address's two first sign-ins at once: the other one created the account and its link
            return addresses.find(address).flatMap(link -> users.findById(link.userId())).orElseThrow(() -> taken);
        }
        try {
            addresses.insert(address, user.id(), Times.now(clock));
        } catch (DataIntegrityViolationException race) {
            return addresses.find(address).flatMap(link -> users.findById(link.userId())).orElseThrow(() -> race);
        }
        log.info("SIWE: new account {} created for address {}", user.id(), Keys.toChecksumAddress(address));
        return user;
    }

    private static LinkedAddress view(WalletAddresses.Link link) {
        return new LinkedAddress(Keys.toChecksumAddress(link.address()), link.linkedAt());
    }
}
