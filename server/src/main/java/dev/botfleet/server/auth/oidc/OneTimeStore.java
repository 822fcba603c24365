package dev.botfleet.server.auth.oidc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values behind random keys (256 bits, base64url) that can be taken once, within a lifetime. Kept in memory: what is
 * in here lives for minutes at most, and losing it on a restart only means signing in again. Bounded, so a flood of
 * started sign-ins cannot exhaust memory: when full, expired entries go first, and if none has expired the put is
 * refused ({@link OidcError#BUSY}) rather than pushing out someone's sign-in under way.
 */
final class OneTimeStore<V> {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final int capacity;
    /** In insertion order, which is also expiry order (one lifetime for all). */
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>();

    OneTimeStore(Clock clock, Duration lifetime, int capacity) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.capacity = capacity;
    }

    static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stores the value under a new random key and returns the key. */
    synchronized String put(V value) {
        Instant now = clock.instant();
        purge(now);
        if (entries.size() >= capacity) throw new OidcFailure(OidcError.BUSY, capacity + " sign-ins under way");
        String key = randomKey();
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
        return key;
    }

    /** The value, removed so it cannot be taken again; empty when unknown, already taken or expired. */
    synchronized Optional<V> take(String key) {
        if (key == null) return Optional.empty();
        Entry<V> entry = entries.remove(key);
        if (entry == null || !entry.expiresAt().isAfter(clock.instant())) return Optional.empty();
        return Optional.of(entry.value());
    }

    synchronized int size() {
        return entries.size();
    }

    private void purge(Instant now) {
        for (Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().expiresAt().isAfter(now)) return;
            it.remove();
        }
    }
}
