package dev.botfleet.server.auth.reset;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reset tokens by their SHA-256: the token itself exists only in the mail. At most one per user. */
@Repository
public class PasswordResetTokens {
    public record Found(UUID userId, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    public PasswordResetTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the user's new token; the user's older tokens stop working, and anyone's expired ones are cleared out. */
    public void replace(UUID userId, String hash, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM password_reset_tokens WHERE user_id = :u OR expires_at < :now")
                .param("u", userId).param("now", Times.sql(now)).update();
        jdbc.sql("INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :now, :exp)")
                .param("h", hash).param("u", userId).param("now", Times.sql(now)).param("exp", Times.sql(expiresAt))
                .update();
    }

    public Optional<Found> find(String hash) {
        return jdbc.sql("SELECT user_id, expires_at FROM password_reset_tokens WHERE token_hash = :h").param("h", hash)
                .query((rs, n) -> new Found(rs.getObject("user_id", UUID.class), Times.read(rs, "expires_at")))
                .optional();
    }

    /**
     * Deletes the token; true only for the one caller whose delete removed it (two confirmations with one token race
     * on the row lock, and the second deletes nothing).
     */
    public boolean consume(String hash) {
        return jdbc.sql("DELETE FROM password_reset_tokens WHERE token_hash = :h").param("h", hash).update() == 1;
    }
}
