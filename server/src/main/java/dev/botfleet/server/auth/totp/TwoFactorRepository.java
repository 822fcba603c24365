package dev.botfleet.server.auth.totp;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The two_factor, two_factor_recovery_codes and login_challenges tables (V31). */
@Repository
public class TwoFactorRepository {
    private static final RowMapper<TwoFactorRow> ROW = (rs, n) -> new TwoFactorRow(rs.getObject("user_id", UUID.class),
            rs.getString("secret_enc"), Times.read(rs, "enabled_at"),
            rs.getObject("last_used_step") == null ? null : rs.getLong("last_used_step"),
            rs.getBoolean("require_for_live"), rs.getBoolean("require_for_keys"));

    private final JdbcClient jdbc;

    public TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param secretEnc encrypted (see SecretCipher); {@code enabledAt} null while the setup is not confirmed */
    public record TwoFactorRow(UUID userId, String secretEnc, Instant enabledAt, Long lastUsedStep,
                               boolean requireForLive, boolean requireForKeys) {
        public boolean enabled() {
            return enabledAt != null;
        }

        public long lastStepOrMin() {
            return lastUsedStep == null ? Long.MIN_VALUE : lastUsedStep;
        }

        @Override
        public String toString() {
            return "TwoFactorRow[userId=" + userId + ", enabled=" + enabled() + ", secret=***]";
        }
    }

    public Optional<TwoFactorRow> find(UUID userId) {
        return jdbc.sql("SELECT * FROM two_factor WHERE user_id = :u").param("u", userId).query(ROW).optional();
    }

    /** Replaces an unconfirmed setup; an enabled row makes the insert fail (the caller checked, a race gets a 409). */
    public void savePending(UUID userId, String secretEnc, Instant at) {
        jdbc.sql("DELETE FROM two_factor WHERE user_id = :u AND enabled_at IS NULL").param("u", userId).update();
        jdbc.sql("INSERT INTO two_factor (user_id, secret_enc, created_at) VALUES (:u, :s, :at)")
                .param("u", userId).param("s", secretEnc).param("at", Times.sql(at)).update();
    }

    /**
     * Turns the pending setup with this secret on, recording the step its confirming code was of. False when it is
     * not pending any more or another setup replaced it meanwhile.
     */
    public boolean enable(UUID userId, String secretEnc, long step, Instant at) {
        return jdbc.sql("""
                        UPDATE two_factor SET enabled_at = :at, last_used_step = :step
                        WHERE user_id = :u AND enabled_at IS NULL AND secret_enc = :s""")
                .param("at", Times.sql(at)).param("step", step).param("u", userId).param("s", secretEnc).update() == 1;
    }

    /**
     * Records that a code of {@code step} was accepted, only if no code of that step or a later one was: of two
     * requests racing with the same code exactly one wins. False when the step was already used.
     */
    public boolean useStep(UUID userId, long step) {
        return jdbc.sql("""
                        UPDATE two_factor SET last_used_step = :step
                        WHERE user_id = :u AND (last_used_step IS NULL OR last_used_step < :step)""")
                .param("step", step).param("u", userId).update() == 1;
    }

    public void setRequirements(UUID userId, boolean live, boolean keys) {
        jdbc.sql("UPDATE two_factor SET require_for_live = :live, require_for_keys = :keys WHERE user_id = :u")
                .param("live", live).param("keys", keys).param("u", userId).update();
    }

    /** Removes the secret, the settings and the recovery codes. */
    public void delete(UUID userId) {
        jdbc.sql("DELETE FROM two_factor_recovery_codes WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("DELETE FROM two_factor WHERE user_id = :u").param("u", userId).update();
    }

    public void replaceRecoveryCodes(UUID userId, List<String> hashes) {
        jdbc.sql("DELETE FROM two_factor_recovery_codes WHERE user_id = :u").param("u", userId).update();
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES (:u, :h)")
                    .param("u", userId).param("h", hash).update();
        }
    }

    /** Marks an unused code used; false when there is no such unused code. */
    public boolean consumeRecoveryCode(UUID userId, String hash, Instant at) {
        return jdbc.sql("""
                        UPDATE two_factor_recovery_codes SET used_at = :at
                        WHERE user_id = :u AND code_hash = :h AND used_at IS NULL""")
                .param("at", Times.sql(at)).param("u", userId).param("h", hash).update() == 1;
    }

    public int recoveryCodesLeft(UUID userId) {
        return jdbc.sql("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = :u AND used_at IS NULL")
                .param("u", userId).query(Long.class).single().intValue();
    }

    public void insertChallenge(String hash, UUID userId, int tokenVersion, Instant expiresAt, Instant now) {
        // expired challenges are of no use to anyone: each new one sweeps them
        jdbc.sql("DELETE FROM login_challenges WHERE expires_at < :now").param("now", Times.sql(now)).update();
        jdbc.sql("""
                        INSERT INTO login_challenges (challenge_hash, user_id, token_version, expires_at)
                        VALUES (:h, :u, :v, :exp)""")
                .param("h", hash).param("u", userId).param("v", tokenVersion).param("exp", Times.sql(expiresAt)).update();
    }

    public record Challenge(UUID userId, int tokenVersion) {
    }

    /** A challenge that is neither used nor expired at {@code now}. */
    public Optional<Challenge> findLiveChallenge(String hash, Instant now) {
        return jdbc.sql("""
                        SELECT user_id, token_version FROM login_challenges
                        WHERE challenge_hash = :h AND used_at IS NULL AND expires_at > :now""")
                .param("h", hash).param("now", Times.sql(now))
                .query((rs, n) -> new Challenge(rs.getObject("user_id", UUID.class), rs.getInt("token_version")))
                .optional();
    }

    /** False when another request used it first (or it expired meanwhile). */
    public boolean useChallenge(String hash, Instant now) {
        return jdbc.sql("""
                        UPDATE login_challenges SET used_at = :now
                        WHERE challenge_hash = :h AND used_at IS NULL AND expires_at > :now""")
                .param("now", Times.sql(now)).param("h", hash).update() == 1;
    }
}
