package dev.botfleet.server.signal;

import dev.botfleet.server.common.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code signal_tokens} and {@code signal_ids} tables. A token is 32 random bytes in base64url; only its SHA-256
 * is stored, so a database reader cannot post signals.
 */
@Repository
public class SignalTokens {
    public static final String PATH = "/api/v1/signals/";
    private static final int PREFIX = 4;
    private static final String SELECT = "SELECT t.bot_id, b.owner_id, t.token_hash, t.token_prefix, t.last_signal_time "
            + "FROM signal_tokens t JOIN bots b ON b.id = t.bot_id";

    /** A bot's token as stored: never the token itself. */
    public record Stored(UUID botId, UUID ownerId, String hash, String prefix, Instant lastSignalTime) {
        /** The webhook's path with all but the first characters of the token masked. */
        public String maskedPath() {
            return PATH + prefix + "…";
        }
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public SignalTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes a new token for the bot, replacing any old one (which stops working at once); returns it. */
    public String rotate(UUID botId, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int updated = jdbc.sql("UPDATE signal_tokens SET token_hash = :h, token_prefix = :p, created_at = :c WHERE bot_id = :b")
                .param("h", hash(token)).param("p", token.substring(0, PREFIX)).param("c", Times.sql(now))
                .param("b", botId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO signal_tokens (bot_id, token_hash, token_prefix, created_at) VALUES (:b, :h, :p, :c)")
                    .param("b", botId).param("h", hash(token)).param("p", token.substring(0, PREFIX))
                    .param("c", Times.sql(now)).update();
        }
        return token;
    }

    /** Whether the bot has a webhook at all: only a bot of the signal strategy does. */
    public static boolean hasWebhook(dev.botfleet.server.bot.Bot bot) {
        return dev.botfleet.strategies.external.ExternalSignalDefinition.ID.equals(bot.strategy());
    }

    /** What the bot's answer shows of its webhook; null unless it runs the signal strategy. */
    public dev.botfleet.server.bot.BotResponse.SignalWebhook view(dev.botfleet.server.bot.Bot bot) {
        if (!hasWebhook(bot)) return null;
        return ofBot(bot.id()).map(s -> new dev.botfleet.server.bot.BotResponse.SignalWebhook(true, s.maskedPath()))
                .orElse(new dev.botfleet.server.bot.BotResponse.SignalWebhook(false, null));
    }

    public Optional<Stored> ofBot(UUID botId) {
        return jdbc.sql(SELECT + " WHERE t.bot_id = :b")
                .param("b", botId).query(SignalTokens::map).optional();
    }

    /**
     * The bot whose token this is. The row is found by the hash's index, then the hashes are compared in constant
     * time, so the answer's timing tells nothing about how close a guess was.
     */
    public Optional<Stored> byToken(String token) {
        String wanted = hash(token);
        return jdbc.sql(SELECT + " WHERE t.token_hash = :h")
                .param("h", wanted).query(SignalTokens::map).optional()
                .filter(s -> MessageDigest.isEqual(s.hash().getBytes(StandardCharsets.US_ASCII),
                        wanted.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Remembers a signal id; false when the bot already had it (a replay). Keeps only the newest {@code keep} ids. */
    public boolean remember(UUID botId, String signalId, Instant now, int keep) {
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM signal_ids WHERE bot_id = :b AND signal_id = :s")
                .param("b", botId).param("s", signalId).query(Integer.class).single() > 0;
        if (seen) return false;
        try {
            jdbc.sql("INSERT INTO signal_ids (bot_id, signal_id, received_at) VALUES (:b, :s, :t)")
                    .param("b", botId).param("s", signalId).param("t", Times.sql(now)).update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        jdbc.sql("DELETE FROM signal_ids WHERE bot_id = :b AND received_at < (SELECT MIN(received_at) FROM "
                        + "(SELECT received_at FROM signal_ids WHERE bot_id = :b ORDER BY received_at DESC LIMIT :n) newest)")
                .param("b", botId).param("n", keep).update();
        return true;
    }

    public void accepted(UUID botId, Instant signalTime) {
        jdbc.sql("UPDATE signal_tokens SET last_signal_time = :t WHERE bot_id = :b")
                .param("t", Times.sql(signalTime)).param("b", botId).update();
    }

    private static Stored map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getObject("bot_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("token_hash"), rs.getString("token_prefix"),
                Times.read(rs, "last_signal_time"));
    }
}
