package dev.botfleet.server.credential;

import dev.botfleet.exchanges.AccountInfo;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.server.bot.BotResolver;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.FieldViolation;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.server.venue.VenueRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The exchange-key vault: secrets go in encrypted and never come back out through the API. A key for a real venue is
 * verified against the venue before it is stored (its account call), and what the venue said is kept.
 */
@Service
public class CredentialService implements BotResolver.CredentialCheck {
    private final CredentialRepository credentials;
    private final SecretCipher cipher;
    private final ExchangeCatalog exchanges;
    private final VenueRegistry venues;
    private final Clock clock;

    public CredentialService(CredentialRepository credentials, SecretCipher cipher, ExchangeCatalog exchanges,
                             VenueRegistry venues, Clock clock) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.exchanges = exchanges;
        this.venues = venues;
        this.clock = clock;
    }

    /** Not one transaction: the venue is asked first (a network call), then one row is written. */
    public Credential create(UUID ownerId, CredentialRequest request) {
        Violations v = new Violations();
        String exchange = v.text("exchange", request.exchange(), 32);
        if (exchange != null && exchanges.find(exchange).isEmpty()) {
            v.add("exchange", "unknown exchange; known: " + exchanges.ids(), request.exchange());
        }
        String label = request.label() == null || request.label().isBlank() ? exchange : v.text("label", request.label(), 100);
        String apiKey = headerSafe(v, "apiKey", secret(v, "apiKey", request.apiKey(), 512, true));
        String apiSecret = secret(v, "apiSecret", request.apiSecret(), 2048, true);
        String passphrase = headerSafe(v, "passphrase", secret(v, "passphrase", request.passphrase(), 512, false));
        boolean testnet = Boolean.TRUE.equals(request.testnet());
        Optional<Venue> venue = exchange == null ? Optional.empty() : venues.find(exchange).map(VenueRegistry.Entry::venue);
        if (testnet && exchange != null && venue.map(Venue::hasTestnet).orElse(false) == Boolean.FALSE) {
            v.add("testnet", "'" + exchange + "' has no testnet", true);
        }
        v.throwIfAny();
        UUID id = UUID.randomUUID();
        Credential credential = new Credential(id, ownerId, exchange, label, lastFour(apiKey), Times.now(clock), testnet,
                null, null, null);
        if (venue.isPresent()) {
            AccountInfo info = verify(venue.get(), new VenueCredential(apiKey, apiSecret, testnet));
            credential = new Credential(id, ownerId, exchange, label, credential.apiKeyLast4(), credential.createdAt(),
                    testnet, info.canTrade(), info.canWithdraw(), Times.now(clock));
        }
        credentials.insert(credential, cipher.encrypt(apiKey, aad(id, "apiKey")),
                cipher.encrypt(apiSecret, aad(id, "apiSecret")),
                passphrase == null ? null : cipher.encrypt(passphrase, aad(id, "passphrase")));
        return credential;
    }

    /** What the venue holds for this key, asked now. */
    public AccountInfo account(UUID ownerId, UUID id) {
        Credential credential = credentials.find(ownerId, id).orElseThrow(() -> new ApiException.NotFound("No credential " + id));
        Venue venue = venues.find(credential.exchange()).map(VenueRegistry.Entry::venue).orElseThrow(() ->
                new ApiException.Conflict("'" + credential.exchange() + "' is simulated: it has no account to ask"));
        return verify(venue, secrets(ownerId, id).orElseThrow().toVenueCredential());
    }

    /** Asks the venue for the key's account; a refusal is the client's mistake (400), an outage is not (502). */
    private static AccountInfo verify(Venue venue, VenueCredential key) {
        try (TradingClient client = venue.trading(key)) {
            return client.account();
        } catch (VenueException e) {
            if (e.kind() == VenueException.Kind.AUTH) {
                throw new ApiException.Invalid(ErrorCode.VENUE_REFUSED_KEY,
                        List.of(new FieldViolation("apiKey", e.getMessage(), null)));
            }
            throw new ApiException.VenueUnavailable(e.getMessage());
        }
    }

    public List<Credential> list(UUID ownerId) {
        return credentials.findAll(ownerId);
    }

    public Optional<Credential> find(UUID ownerId, UUID id) {
        return credentials.find(ownerId, id);
    }

    /** Refused (409) while a running LIVE bot trades with the key: stop it first. */
    @Transactional
    public void delete(UUID ownerId, UUID id) {
        List<String> running = credentials.activeBotsUsing(ownerId, id);
        if (!running.isEmpty()) {
            throw new ApiException.Conflict("This key is in use by running LIVE bot(s) " + String.join(", ", running)
                    + "; stop them first");
        }
        if (!credentials.delete(ownerId, id)) throw new ApiException.NotFound("No credential " + id);
    }

    @Override
    public Optional<String> exchangeOf(UUID ownerId, UUID credentialId) {
        return credentials.find(ownerId, credentialId).map(Credential::exchange);
    }

    @Override
    public boolean hasCredential(UUID ownerId, String exchange) {
        return credentials.existsForExchange(ownerId, exchange);
    }

    /** For a live bot: the owner's newest key for that exchange, decrypted. */
    public Optional<ExchangeSecrets> secretsFor(UUID ownerId, String exchange) {
        return credentials.findEncrypted(ownerId, exchange).map(this::decrypt);
    }

    /** One of the owner's keys, decrypted. */
    public Optional<ExchangeSecrets> secrets(UUID ownerId, UUID id) {
        return credentials.findEncrypted(ownerId, id).map(this::decrypt);
    }

    private ExchangeSecrets decrypt(CredentialRepository.EncryptedRow row) {
        return new ExchangeSecrets(row.id(), row.exchange(), cipher.decrypt(row.apiKey(), aad(row.id(), "apiKey")),
                cipher.decrypt(row.apiSecret(), aad(row.id(), "apiSecret")),
                row.passphrase() == null ? null : cipher.decrypt(row.passphrase(), aad(row.id(), "passphrase")),
                row.testnet());
    }

    private static String aad(UUID id, String field) {
        return "exchange_credentials:" + id + ":" + field;
    }

    /** Only short keys' tails would give too much away: below 12 characters nothing of the key is shown. */
    static String lastFour(String apiKey) {
        return apiKey.length() >= 12 ? apiKey.substring(apiKey.length() - 4) : "";
    }

    /**
     * A key and a passphrase travel in HTTP headers, which carry printable ASCII only (venues issue them so): anything
     * else could never be sent, and was a 500 when the venue was asked. The value is never echoed.
     */
    private static String headerSafe(Violations v, String field, String value) {
        if (value == null) return null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                v.add(field, "must be printable ASCII characters, as the exchange issued it", null);
                return null;
            }
        }
        return value;
    }

    /** Validates without ever putting the value into an error (rejectedValue stays null). */
    private static String secret(Violations v, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) v.add(field, "is required", null);
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            v.add(field, "must be at most " + max + " characters", null);
            return null;
        }
        return trimmed;
    }
}
