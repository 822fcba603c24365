package dev.botfleet.server.credential;

import dev.botfleet.server.bot.BotResolver;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.exchange.ExchangeCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The exchange-key vault: secrets go in encrypted and never come back out through the API. */
@Service
public class CredentialService implements BotResolver.CredentialCheck {
    private final CredentialRepository credentials;
    private final SecretCipher cipher;
    private final ExchangeCatalog exchanges;
    private final Clock clock;

    public CredentialService(CredentialRepository credentials, SecretCipher cipher, ExchangeCatalog exchanges, Clock clock) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.exchanges = exchanges;
        this.clock = clock;
    }

    @Transactional
    public Credential create(UUID ownerId, CredentialRequest request) {
        Violations v = new Violations();
        String exchange = v.text("exchange", request.exchange(), 32);
        if (exchange != null && exchanges.find(exchange).isEmpty()) {
            v.add("exchange", "unknown exchange; known: " + exchanges.ids(), request.exchange());
        }
        String label = request.label() == null || request.label().isBlank() ? exchange : v.text("label", request.label(), 100);
        String apiKey = secret(v, "apiKey", request.apiKey(), 512, true);
        String apiSecret = secret(v, "apiSecret", request.apiSecret(), 2048, true);
        String passphrase = secret(v, "passphrase", request.passphrase(), 512, false);
        v.throwIfAny();
        UUID id = UUID.randomUUID();
        Credential credential = new Credential(id, ownerId, exchange, label, lastFour(apiKey), Times.now(clock));
        credentials.insert(id, ownerId, exchange, label, credential.apiKeyLast4(),
                cipher.encrypt(apiKey, aad(id, "apiKey")), cipher.encrypt(apiSecret, aad(id, "apiSecret")),
                passphrase == null ? null : cipher.encrypt(passphrase, aad(id, "passphrase")), credential.createdAt());
        return credential;
    }

    public List<Credential> list(UUID ownerId) {
        return credentials.findAll(ownerId);
    }

    @Transactional
    public void delete(UUID ownerId, UUID id) {
        if (!credentials.delete(ownerId, id)) throw new ApiException.NotFound("No credential " + id);
    }

    @Override
    public boolean hasCredential(UUID ownerId, String exchange) {
        return credentials.existsForExchange(ownerId, exchange);
    }

    /** For a live exchange adapter (later): the owner's newest key for that exchange, decrypted. */
    public Optional<ExchangeSecrets> secretsFor(UUID ownerId, String exchange) {
        return credentials.findEncrypted(ownerId, exchange).map(row -> new ExchangeSecrets(row.id(), exchange,
                cipher.decrypt(row.apiKey(), aad(row.id(), "apiKey")),
                cipher.decrypt(row.apiSecret(), aad(row.id(), "apiSecret")),
                row.passphrase() == null ? null : cipher.decrypt(row.passphrase(), aad(row.id(), "passphrase"))));
    }

    private static String aad(UUID id, String field) {
        return "exchange_credentials:" + id + ":" + field;
    }

    /** Only short keys' tails would give too much away: below 12 characters nothing of the key is shown. */
    static String lastFour(String apiKey) {
        return apiKey.length() >= 12 ? apiKey.substring(apiKey.length() - 4) : "";
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
