package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The oidc_links table: which provider account (issuer, subject) signs in to which user. */
@Repository
public class OidcLinks {
    private final JdbcClient jdbc;

    public OidcLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UUID> userOf(String issuer, String subject) {
        return jdbc.sql("SELECT user_id FROM oidc_links WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject).query(UUID.class).optional();
    }

    public void link(String issuer, String subject, UUID userId, String email, Instant at) {
        jdbc.sql("""
                        INSERT INTO oidc_links (issuer, subject, user_id, email, linked_at)
                        VALUES (:issuer, :subject, :user, :email, :at)""")
                .param("issuer", issuer).param("subject", subject).param("user", userId).param("email", email)
                .param("at", Times.sql(at)).update();
    }

    public long countOf(UUID userId) {
        return jdbc.sql("SELECT COUNT(*) FROM oidc_links WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }
}
