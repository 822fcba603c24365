package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

/** The siwe_nonces table (V42): nonces handed out, spent once by deleting their row. */
@Repository
class SiweNonces {
    private final JdbcClient jdbc;

    SiweNonces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unspent nonces: all of them, and those one client asked for. Drops expired rows first, so both are live. */
    record Open(long total, long ofClient) {
    }

    Open open(String client, Instant now) {
        jdbc.sql("DELETE FROM siwe_nonces WHERE expires_at <= :now").param("now", Times.sql(now)).update();
        return new Open(jdbc.sql("SELECT COUNT(*) FROM siwe_nonces").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM siwe_nonces WHERE client = :c").param("c", client).query(Long.class).single());
    }

    /** @param userId null for a sign-in, the account for linking an address */
    void insert(String nonce, UUID userId, String client, Instant expiresAt, Instant now) {
        jdbc.sql("INSERT INTO siwe_nonces (nonce, user_id, client, expires_at, created_at) VALUES (:n, :u, :cl, :e, :c)")
                .param("n", nonce).param("u", userId).param("cl", client).param("e", Times.sql(expiresAt))
                .param("c", Times.sql(now)).update();
    }

    /**
     * Spends a nonce issued for this purpose (sign-in when {@code userId} is null) and still valid. Of two requests
     * racing with the same nonce exactly one deletes the row, so exactly one succeeds.
     */
    boolean spend(String nonce, UUID userId, Instant now) {
        String purpose = userId == null ? "user_id IS NULL" : "user_id = :u";
        var statement = jdbc.sql("DELETE FROM siwe_nonces WHERE nonce = :n AND expires_at > :now AND " + purpose)
                .param("n", nonce).param("now", Times.sql(now));
        if (userId != null) statement = statement.param("u", userId);
        return statement.update() == 1;
    }
}
