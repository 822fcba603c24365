package dev.botfleet.server.auth.reset;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code botfleet.password-reset}.
 *
 * @param lifetime      how long a reset link works
 * @param maxPerEmail   reset requests for one address within {@code window} (429 + Retry-After beyond), counted
 *                      whether or not an account has that address, so the limit reveals nothing
 * @param maxPerAddress reset requests from one client address within {@code window}
 */
@ConfigurationProperties("botfleet.password-reset")
public record PasswordResetProperties(Duration lifetime, int maxPerEmail, int maxPerAddress, Duration window) {
    public PasswordResetProperties {
        if (lifetime == null) lifetime = Duration.ofMinutes(30);
        if (maxPerEmail <= 0) maxPerEmail = 3;
        if (maxPerAddress <= 0) maxPerAddress = 10;
        if (window == null) window = Duration.ofHours(1);
    }
}
