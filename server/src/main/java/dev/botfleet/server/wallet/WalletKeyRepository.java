package dev.botfleet.server.wallet;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.web3j.crypto.Keys;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The wallet_keys table (V42). Addresses are stored lower case and answered in checksum form. */
@Repository
class WalletKeyRepository {
    private static final RowMapper<WalletKey> ROW = (rs, n) -> new WalletKey(rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class), rs.getString("label"), WalletKey.Kind.valueOf(rs.getString("kind")),
            Keys.toChecksumAddress(rs.getString("address")), rs.getString("signer_url"), Times.read(rs, "created_at"));

    private final JdbcClient jdbc;

    WalletKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param privateKeyEnc already encrypted (SecretCipher), null for an external signer */
    void insert(WalletKey key, String privateKeyEnc) {
        jdbc.sql("""
                        INSERT INTO wallet_keys (id, owner_id, label, kind, address, private_key_enc, signer_url, created_at)
                        VALUES (:id, :owner, :label, :kind, :address, :key, :url, :created)""")
                .param("id", key.id()).param("owner", key.ownerId()).param("label", key.label())
                .param("kind", key.kind().name()).param("address", key.address().toLowerCase(java.util.Locale.ROOT))
                .param("key", privateKeyEnc).param("url", key.signerUrl()).param("created", Times.sql(key.createdAt()))
                .update();
    }

    boolean exists(UUID ownerId, String lowerAddress) {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_keys WHERE owner_id = :o AND address = :a")
                .param("o", ownerId).param("a", lowerAddress).query(Long.class).single() > 0;
    }

    List<WalletKey> findAll(UUID ownerId) {
        return jdbc.sql("SELECT * FROM wallet_keys WHERE owner_id = :o ORDER BY created_at, id").param("o", ownerId)
                .query(ROW).list();
    }

    Optional<WalletKey> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM wallet_keys WHERE owner_id = :o AND id = :id").param("o", ownerId).param("id", id)
                .query(ROW).optional();
    }

    Optional<String> encryptedKey(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT private_key_enc FROM wallet_keys WHERE owner_id = :o AND id = :id AND private_key_enc IS NOT NULL")
                .param("o", ownerId).param("id", id).query(String.class).optional();
    }

    boolean delete(UUID ownerId, UUID id) {
        return jdbc.sql("DELETE FROM wallet_keys WHERE owner_id = :o AND id = :id").param("o", ownerId).param("id", id)
                .update() == 1;
    }
}
