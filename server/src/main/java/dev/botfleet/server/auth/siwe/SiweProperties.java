package dev.botfleet.server.auth.siwe;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code botfleet.siwe}: Sign-In with Ethereum.
 *
 * @param domain        the domain (RFC 3986 authority, e.g. bots.example.com) a message must name; unset = the Host the
 *                      request came to (set it behind a proxy that rewrites Host)
 * @param autoRegister  whether the first sign-in of an address no account has creates an account (default true;
 *                      sign-up must be open too, botfleet.registration.enabled); false = such a sign-in is refused
 * @param nonceLifetime how long a nonce from GET /auth/siwe/nonce can be signed and sent back
 * @param maxOpenNonces unspent, unexpired nonces kept at most (the nonce endpoint needs no login: a bound on its rows)
 * @param maxOpenNoncesPerClient unspent, unexpired nonces one client address may hold, so one client cannot use up
 *                      {@code maxOpenNonces} for everyone
 */
@ConfigurationProperties("botfleet.siwe")
public record SiweProperties(String domain, Boolean autoRegister, Duration nonceLifetime, Integer maxOpenNonces,
                             Integer maxOpenNoncesPerClient) {
    public SiweProperties {
        if (domain != null && domain.isBlank()) domain = null;
        if (autoRegister == null) autoRegister = true;
        if (nonceLifetime == null) nonceLifetime = Duration.ofMinutes(10);
        if (maxOpenNonces == null || maxOpenNonces <= 0) maxOpenNonces = 10_000;
        if (maxOpenNoncesPerClient == null || maxOpenNoncesPerClient <= 0) maxOpenNoncesPerClient = 20;
    }
}
