package dev.botfleet.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every {@code botfleet.*} setting. Each can be overridden by an environment variable (BOTFLEET_MASTER_KEY,
 * BOTFLEET_JWT_SECRET, BOTFLEET_REGISTRATION_ENABLED, ...). {@link #toString()} never prints a key.
 *
 * @param dataDir   where the H2 database and generated keys live
 * @param masterKey base64 of 32 bytes encrypting exchange secrets; generated into {@code dataDir} when absent
 * @param publicUrl the dashboard's address as its users reach it, for links in mail (password reset)
 */
@ConfigurationProperties("botfleet")
public record BotfleetProperties(
        @DefaultValue("./data") Path dataDir,
        String masterKey,
        @DefaultValue Jwt jwt,
        @DefaultValue Registration registration,
        @DefaultValue Login login,
        @DefaultValue Password password,
        @DefaultValue Redis redis,
        @DefaultValue Http http,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    /**
     * @param secret base64 of at least 32 bytes signing tokens (HS256); generated into {@code dataDir} when absent
     */
    public record Jwt(String secret, @DefaultValue("12h") Duration tokenLifetime, @DefaultValue("botfleet") String issuer) {
        @Override
        public String toString() {
            return "Jwt[secret=" + (secret == null ? "generated" : "***") + ", tokenLifetime=" + tokenLifetime + "]";
        }
    }

    /**
     * @param enabled       false closes sign-up (403)
     * @param maxPerAddress sign-ups one client address may make within {@code window} (429 + Retry-After beyond)
     */
    public record Registration(@DefaultValue("true") boolean enabled,
                               @DefaultValue("10") int maxPerAddress,
                               @DefaultValue("1h") Duration window) {
    }

    /**
     * Login throttling: {@code maxFailures} wrong passwords for one account (or {@code maxFailuresPerAddress} from one
     * address) within {@code window} lock further attempts for {@code lockout}, doubling on each repeated lock up to
     * {@code maxLockout}.
     */
    public record Login(@DefaultValue("5") int maxFailures,
                        @DefaultValue("20") int maxFailuresPerAddress,
                        @DefaultValue("15m") Duration window,
                        @DefaultValue("15m") Duration lockout,
                        @DefaultValue("24h") Duration maxLockout) {
    }

    /** @param bcryptStrength log2 rounds of bcrypt (10 = ~100 ms on one core, the usual trade-off) */
    public record Password(@DefaultValue("10") int bcryptStrength) {
    }

    /**
     * Request-body caps, checked before parsing (413 beyond them).
     *
     * @param maxBody       every endpoint but backtests: auth, bot and credential config are small JSON
     * @param maxUploadBody backtest submissions (which may carry a strategy's source) and model uploads
     */
    public record Http(@DefaultValue("64KB") DataSize maxBody, @DefaultValue("16MB") DataSize maxUploadBody) {
    }

    public record Redis(@DefaultValue("false") boolean enabled) {
    }

    @Override
    public String toString() {
        return "BotfleetProperties[dataDir=" + dataDir + ", masterKey=" + (masterKey == null ? "generated" : "***")
                + ", jwt=" + jwt + ", registration=" + registration + ", login=" + login + "]";
    }
}
