package dev.botfleet.server.credential;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CredentialRepository {
    private static final RowMapper<Credential> ROW = (rs, n) -> new Credential(rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class), rs.getString("exchange"), rs.getString("label"),
            rs.getString("api_key_last4"), Times.read(rs, "created_at"), rs.getBoolean("testnet"),
            (Boolean) rs.getObject("can_trade"), (Boolean) rs.getObject("can_withdraw"), Times.read(rs, "verified_at"));

    private final JdbcClient jdbc;

    public CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The *_enc arguments are already encrypted (see {@link SecretCipher}). */
    public void insert(Credential c, String apiKeyEnc, String apiSecretEnc, String passphraseEnc) {
        jdbc.sql("""
                        INSERT INTO exchange_credentials (id, owner_id, exchange, label, api_key_last4, api_key_enc,
                            api_secret_enc, passphrase_enc, created_at, testnet, can_trade, can_withdraw, verified_at)
                        VALUES (:id, :owner, :exchange, :label, :last4, :key, :secret, :passphrase, :created,
                            :testnet, :canTrade, :canWithdraw, :verified)""")
                .param("id", c.id()).param("owner", c.ownerId()).param("exchange", c.exchange())
                .param("label", c.label()).param("last4", c.apiKeyLast4()).param("key", apiKeyEnc)
                .param("secret", apiSecretEnc).param("passphrase", passphraseEnc)
                .param("created", Times.sql(c.createdAt())).param("testnet", c.testnet())
                .param("canTrade", c.canTrade()).param("canWithdraw", c.canWithdraw())
                .param("verified", c.verifiedAt() == null ? null : Times.sql(c.verifiedAt()))
                .update();
    }

    /** The encrypted columns of one of the owner's credentials. */
    public Optional<EncryptedRow> findEncrypted(UUID ownerId, UUID id) {
        return jdbc.sql("""
                        SELECT id, exchange, testnet, api_key_enc, api_secret_enc, passphrase_enc FROM exchange_credentials
                        WHERE owner_id = :owner AND id = :id""")
                .param("owner", ownerId).param("id", id).query(ENCRYPTED).optional();
    }

    public List<Credential> findAll(UUID ownerId) {
        return jdbc.sql("SELECT * FROM exchange_credentials WHERE owner_id = :owner ORDER BY created_at DESC, id")
                .param("owner", ownerId).query(ROW).list();
    }

    public Optional<Credential> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM exchange_credentials WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).query(ROW).optional();
    }

    public boolean existsForExchange(UUID ownerId, String exchange) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_credentials WHERE owner_id = :owner AND exchange = :exchange")
                .param("owner", ownerId).param("exchange", exchange).query(Long.class).single() > 0;
    }

    /** The newest credential's encrypted columns for an exchange: [id, key, secret, passphrase]. */
    public Optional<EncryptedRow> findEncrypted(UUID ownerId, String exchange) {
        return jdbc.sql("""
                        SELECT id, exchange, testnet, api_key_enc, api_secret_enc, passphrase_enc
                        FROM exchange_credentials
                        WHERE owner_id = :owner AND exchange = :exchange ORDER BY created_at DESC, id LIMIT 1""")
                .param("owner", ownerId).param("exchange", exchange)
                .query(ENCRYPTED)
                .optional();
    }

    /** Names of the owner's ACTIVE LIVE bots that trade with this key. */
    public List<String> activeBotsUsing(UUID ownerId, UUID id) {
        return jdbc.sql("""
                        SELECT name FROM bots WHERE owner_id = :owner AND credential_id = :id AND status = 'ACTIVE'
                            AND mode = 'LIVE' ORDER BY name""")
                .param("owner", ownerId).param("id", id).query(String.class).list();
    }

    public boolean delete(UUID ownerId, UUID id) {
        return jdbc.sql("DELETE FROM exchange_credentials WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).update() > 0;
    }

    private static final RowMapper<EncryptedRow> ENCRYPTED = (rs, n) -> new EncryptedRow(rs.getObject("id", UUID.class),
            rs.getString("exchange"), rs.getBoolean("testnet"), rs.getString("api_key_enc"),
            rs.getString("api_secret_enc"), rs.getString("passphrase_enc"));

    public record EncryptedRow(UUID id, String exchange, boolean testnet, String apiKey, String apiSecret,
                               String passphrase) {
    }
}
