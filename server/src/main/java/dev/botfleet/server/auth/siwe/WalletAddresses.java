package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The wallet_addresses table (V42): which account an Ethereum address signs in to. Addresses stored lower case. */
@Repository
class WalletAddresses {
    private final JdbcClient jdbc;

    WalletAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Link(String address, UUID userId, Instant linkedAt) {
    }

    Optional<Link> find(String address) {
        return jdbc.sql("SELECT * FROM wallet_addresses WHERE address = :a").param("a", address)
                .query((rs, n) -> new Link(rs.getString("address"), rs.getObject("user_id", UUID.class),
                        Times.read(rs, "linked_at"))).optional();
    }

    List<Link> of(UUID userId) {
        return jdbc.sql("SELECT * FROM wallet_addresses WHERE user_id = :u ORDER BY linked_at, address").param("u", userId)
                .query((rs, n) -> new Link(rs.getString("address"), rs.getObject("user_id", UUID.class),
                        Times.read(rs, "linked_at"))).list();
    }

    /** Fails with a key violation when the address is linked already (to anyone): the caller looked first. */
    void insert(String address, UUID userId, Instant at) {
        jdbc.sql("INSERT INTO wallet_addresses (address, user_id, linked_at) VALUES (:a, :u, :at)")
                .param("a", address).param("u", userId).param("at", Times.sql(at)).update();
    }

    boolean delete(String address, UUID userId) {
        return jdbc.sql("DELETE FROM wallet_addresses WHERE address = :a AND user_id = :u")
                .param("a", address).param("u", userId).update() == 1;
    }
}
