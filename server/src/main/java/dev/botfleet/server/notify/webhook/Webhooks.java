package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.common.RecentReads;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.credential.SecretCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The {@code webhooks} table. The secret is only ever held encrypted here; {@link #secret} decrypts it to sign. */
@Repository
public class Webhooks {
    public record Webhook(UUID id, UUID ownerId, String url, Set<WebhookEvent> events, boolean enabled, Instant createdAt) {
    }

    private static final String COLUMNS = "id, owner_id, url, events, enabled, created_at";
    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    /** Every alert of a user's bots asks for the user's webhooks: read at most once a second by default (see {@link #forAlerts}). */
    private final RecentReads<UUID, List<Webhook>> recent;

    /** @param alertReadsMaxAge how old the webhooks an alert goes by may be ({@code botfleet.notify.targets-max-age}) */
    public Webhooks(JdbcClient jdbc, SecretCipher cipher,
                    @Value("${botfleet.notify.targets-max-age:1s}") java.time.Duration alertReadsMaxAge) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.recent = new RecentReads<>(alertReadsMaxAge);
    }

    /** The associated data binds a ciphertext to its webhook: a secret copied onto another row does not decrypt. */
    private static String aad(UUID id) {
        return "webhooks:" + id + ":secret";
    }

    public void insert(Webhook w, String secret) {
        jdbc.sql("INSERT INTO webhooks (id, owner_id, url, events, enabled, secret_enc, created_at) "
                        + "VALUES (:id, :o, :u, :e, :en, :s, :c)")
                .param("id", w.id()).param("o", w.ownerId()).param("u", w.url()).param("e", join(w.events()))
                .param("en", w.enabled()).param("s", cipher.encrypt(secret, aad(w.id())))
                .param("c", Times.sql(w.createdAt())).update();
        recent.forgetAfterCommit(w.ownerId());
    }

    public boolean update(UUID owner, UUID id, String url, Set<WebhookEvent> events, boolean enabled) {
        boolean updated = jdbc.sql("UPDATE webhooks SET url = :u, events = :e, enabled = :en WHERE id = :id AND owner_id = :o")
                .param("u", url).param("e", join(events)).param("en", enabled).param("id", id).param("o", owner)
                .update() == 1;
        recent.forgetAfterCommit(owner);  // after the write: outside a transaction it is committed now
        return updated;
    }

    public boolean delete(UUID owner, UUID id) {
        boolean deleted = jdbc.sql("DELETE FROM webhooks WHERE id = :id AND owner_id = :o").param("id", id).param("o", owner)
                .update() == 1;
        recent.forgetAfterCommit(owner);
        return deleted;
    }

    public Optional<Webhook> find(UUID owner, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id AND owner_id = :o")
                .param("id", id).param("o", owner).query(Webhooks::map).optional();
    }

    public Optional<Webhook> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id").param("id", id).query(Webhooks::map).optional();
    }

    public List<Webhook> ofOwner(UUID owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE owner_id = :o ORDER BY created_at, id")
                .param("o", owner).query(Webhooks::map).list();
    }

    /**
     * {@link #ofOwner} as the alerts see it: at most {@code botfleet.notify.targets-max-age} (1 s) old. A change through
     * this node is seen by the next alert; one through another node of a cluster within that age.
     */
    public List<Webhook> forAlerts(UUID owner) {
        return recent.get(owner, this::ofOwner);
    }

    public int count(UUID owner) {
        return jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE owner_id = :o").param("o", owner).query(Integer.class).single();
    }

    public String secret(UUID id) {
        String enc = jdbc.sql("SELECT secret_enc FROM webhooks WHERE id = :id").param("id", id).query(String.class).single();
        return cipher.decrypt(enc, aad(id));
    }

    private static String join(Set<WebhookEvent> events) {
        return events.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Webhook map(ResultSet rs, int n) throws SQLException {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(rs.getString("events").split(",")).filter(s -> !s.isBlank()).map(WebhookEvent::valueOf).forEach(events::add);
        return new Webhook(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("url"),
                events, rs.getBoolean("enabled"), Times.read(rs, "created_at"));
    }
}
