package dev.botfleet.server.wallet;

import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.credential.SecretCipher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The wallet-key vault: a private key goes in, is checked (a valid secp256k1 key), shown back only as the address it
 * controls, and stored AES-256-GCM encrypted under the master key (associated data: the row and column, as for
 * exchange keys). It never comes out through the API; {@link #signer} decrypts it for the code that signs.
 */
@Service
public class WalletKeyService {
    private static final Pattern KEY = Pattern.compile("(?:0x)?[0-9a-fA-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    /**
     * secp256k1's order, in a holder class: reading web3j's curve parameters sets up BouncyCastle's curve, work the
     * server's start need not wait for (it is needed only when a key is stored). docs/benchmarks/startup.md "Start-up time".
     */
    private static final class Curve {
        static final BigInteger ORDER = Sign.CURVE_PARAMS.getN();
    }

    private final WalletKeyRepository keys;
    private final SecretCipher cipher;
    private final Clock clock;

    public WalletKeyService(WalletKeyRepository keys, SecretCipher cipher, Clock clock) {
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
    }

    public WalletKey create(UUID ownerId, WalletKeyRequest request) {
        Violations v = new Violations();
        boolean hasKey = request.privateKey() != null && !request.privateKey().isBlank();
        boolean hasSigner = request.signerUrl() != null && !request.signerUrl().isBlank();
        if (hasKey == hasSigner) {
            v.add(hasKey ? "signerUrl" : "privateKey", hasKey ? "give a privateKey or a signerUrl, not both"
                    : "is required (or a signerUrl with the wallet's address)", null);
            v.throwIfAny();
        }
        String hexKey = hasKey ? privateKey(v, request.privateKey()) : null;
        String signerUrl = hasSigner ? signerUrl(v, request.signerUrl()) : null;
        String address = hexKey != null ? Keys.toChecksumAddress(Credentials.create(hexKey).getAddress())
                : hasSigner ? address(v, request.address()) : null;
        String label = request.label() == null || request.label().isBlank() ? null : v.text("label", request.label(), 100);
        v.throwIfAny();
        if (label == null) label = "wallet " + address.substring(0, 6) + "…" + address.substring(38);
        String lower = address.toLowerCase(Locale.ROOT);
        if (keys.exists(ownerId, lower)) throw new ApiException.Conflict("You already stored wallet " + address);
        UUID id = UUID.randomUUID();
        WalletKey key = new WalletKey(id, ownerId, label, hexKey != null ? WalletKey.Kind.PRIVATE_KEY
                : WalletKey.Kind.EXTERNAL_SIGNER, address, signerUrl, Times.now(clock));
        try {
            keys.insert(key, hexKey == null ? null : cipher.encrypt(hexKey, aad(id)));
        } catch (DataIntegrityViolationException race) {
            throw new ApiException.Conflict("You already stored wallet " + address);
        }
        return key;
    }

    public List<WalletKey> list(UUID ownerId) {
        return keys.findAll(ownerId);
    }

    public Optional<WalletKey> find(UUID ownerId, UUID id) {
        return keys.find(ownerId, id);
    }

    public void delete(UUID ownerId, UUID id) {
        if (!keys.delete(ownerId, id)) throw new ApiException.NotFound("No wallet key " + id);
    }

    /** For a live DEX bot: how to sign with one of the owner's wallets (the key decrypted here, never cached). */
    public Optional<WalletSigner> signer(UUID ownerId, UUID id) {
        return keys.find(ownerId, id).map(key -> switch (key.kind()) {
            case PRIVATE_KEY -> new WalletSigner.LocalKey(Credentials.create(
                    cipher.decrypt(keys.encryptedKey(ownerId, id).orElseThrow(), aad(id))));
            case EXTERNAL_SIGNER -> new WalletSigner.External(URI.create(key.signerUrl()), key.address());
        });
    }

    static String aad(UUID id) {
        return "wallet_keys:" + id + ":privateKey";
    }

    /** 32 bytes in hex, within 1..n-1 of secp256k1; never put into an error (rejectedValue stays null). */
    private static String privateKey(Violations v, String raw) {
        String value = raw.strip();
        if (!KEY.matcher(value).matches()) {
            v.add("privateKey", "must be 64 hexadecimal digits (32 bytes), with or without 0x", null);
            return null;
        }
        String hex = (value.startsWith("0x") ? value.substring(2) : value).toLowerCase(Locale.ROOT);
        BigInteger k = new BigInteger(hex, 16);
        if (k.signum() == 0 || k.compareTo(Curve.ORDER) >= 0) {
            v.add("privateKey", "is not a valid secp256k1 private key (must be between 1 and the curve order - 1)", null);
            return null;
        }
        return hex;
    }

    /** http(s) with a host; no user name or password in it, since the URL is answered back to the user. */
    private static String signerUrl(Violations v, String raw) {
        String value = raw.strip();
        if (value.length() > 2048) {
            v.add("signerUrl", "must be at most 2048 characters", null);
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                v.add("signerUrl", "must be an http or https URL with a host", value);
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                v.add("signerUrl", "must not carry a user name or password (it is shown in answers)", null);
                return null;
            }
            return value;
        } catch (URISyntaxException e) {
            v.add("signerUrl", "must be an http or https URL with a host", value);
            return null;
        }
    }

    /** An external signer's wallet: 0x + 40 hex; mixed case must be the EIP-55 checksum (a typo shows as a mismatch). */
    private static String address(Violations v, String raw) {
        if (raw == null || raw.isBlank()) {
            v.add("address", "is required with a signerUrl (the wallet the signer signs for)", raw);
            return null;
        }
        String value = raw.strip();
        if (!ADDRESS.matcher(value).matches()) {
            v.add("address", "must be 0x and 40 hexadecimal digits", raw);
            return null;
        }
        String checksummed = Keys.toChecksumAddress(value);
        String digits = value.substring(2);
        boolean oneCase = digits.equals(digits.toLowerCase(Locale.ROOT)) || digits.equals(digits.toUpperCase(Locale.ROOT));
        if (!oneCase && !checksummed.equals(value)) {
            v.add("address", "does not match its EIP-55 checksum (expected " + checksummed + "): check for a typo", raw);
            return null;
        }
        return checksummed;
    }
}
