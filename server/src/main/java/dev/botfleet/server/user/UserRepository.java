package dev.botfleet.server.user;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
public class UserRepository {
    private static final RowMapper<User> ROW = (rs, n) -> new User(rs.getObject("id", UUID.class),
            rs.getString("email"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
            rs.getInt("token_version"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"),
            rs.getObject("disabled_at") == null ? null : Times.read(rs, "disabled_at"));

    private final JdbcClient jdbc;
    private final TokenStates tokenStates;

    public UserRepository(JdbcClient jdbc, TokenStates tokenStates) {
        this.jdbc = jdbc;
        this.tokenStates = tokenStates;
    }

    public void insert(User user) {
        jdbc.sql("""
                        INSERT INTO users (id, email, password_hash, role, created_at, updated_at)
                        VALUES (:id, :email, :hash, :role, :created, :updated)""")
                .param("id", user.id()).param("email", user.email()).param("hash", user.passwordHash())
                .param("role", user.role().name()).param("created", Times.sql(user.createdAt()))
                .param("updated", Times.sql(user.updatedAt()))
                .update();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email = :email").param("email", email).query(ROW).optional();
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /**
     * What every authenticated request checks about its token's account (disabled? which token version?), without
     * reading the rest of the row — that check runs on each API call. Empty: no such account.
     */
    public boolean existsByEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    /** Stores a new password hash and invalidates every token issued so far. */
    public void changePassword(UUID id, String hash, java.time.Instant at) {
        jdbc.sql("UPDATE users SET password_hash = :hash, token_version = token_version + 1, updated_at = :at WHERE id = :id")
                .param("hash", hash).param("at", Times.sql(at)).param("id", id).update();
        tokenStates.changed(id);
    }

    /** Invalidates every token issued so far ("sign out everywhere"). */
    public void revokeTokens(UUID id, java.time.Instant at) {
        jdbc.sql("UPDATE users SET token_version = token_version + 1, updated_at = :at WHERE id = :id")
                .param("at", Times.sql(at)).param("id", id).update();
        tokenStates.changed(id);
    }

    /** The account row; every owned row (bots, orders, fills, keys, logs, backtests) goes with it (ON DELETE CASCADE). */
    public boolean delete(UUID id) {
        boolean deleted = jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update() == 1;
        tokenStates.changed(id);
        return deleted;
    }

    /** Disables the account and revokes every token issued so far. */
    public void disable(UUID id, java.time.Instant at) {
        jdbc.sql("UPDATE users SET disabled_at = :at, token_version = token_version + 1, updated_at = :at WHERE id = :id")
                .param("at", Times.sql(at)).param("id", id).update();
        tokenStates.changed(id);
    }

    public void enable(UUID id, java.time.Instant at) {
        jdbc.sql("UPDATE users SET disabled_at = NULL, updated_at = :at WHERE id = :id")
                .param("at", Times.sql(at)).param("id", id).update();
        tokenStates.changed(id);
    }

    /** Every account, oldest first (for administrators). */
    public java.util.List<User> all(int limit, long offset) {
        return jdbc.sql("SELECT * FROM users ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(ROW).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }
}
