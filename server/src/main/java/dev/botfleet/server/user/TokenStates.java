package dev.botfleet.server.user;

import dev.botfleet.server.common.AfterCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What decides whether an account's tokens are still good — its token version and whether it is disabled — asked on
 * every authenticated request. On one node it is kept in memory: the account's writes ({@link UserRepository}) tell it
 * once they have committed, so a password change, "sign out everywhere", disabling or deleting an account refuses the
 * old tokens from the next request on, as reading the row each time did.
 *
 * <p>A read that raced a change must not keep what it read before that change: every change counts, and a read keeps
 * its answer only if no change was counted between its query and its keeping (it checks after keeping, so a change
 * told in between removes the entry itself or is seen by the check). In a cluster other nodes change accounts too,
 * so there the row is read every time.
 */
@Component
public class TokenStates {
    /** Accounts kept at most: beyond, the memory starts again empty (one entry is a few dozen bytes). */
    static final int MAX_ACCOUNTS = 100_000;

    private final JdbcClient jdbc;
    private final boolean enabled;
    private final AtomicLong changes = new AtomicLong();
    final ConcurrentHashMap<UUID, TokenState> known = new ConcurrentHashMap<>();
    /** Runs between a read's query and its keeping: tests put a change there, the moment a race would. */
    volatile Runnable afterQuery = () -> { };

    public TokenStates(JdbcClient jdbc, @Value("${botfleet.cluster.enabled:false}") boolean cluster) {
        this.jdbc = jdbc;
        this.enabled = !cluster;
    }

    /** The account's token state, as stored (empty: no such account). */
    public Optional<TokenState> of(UUID account) {
        TokenState state = enabled ? known.get(account) : null;
        if (state != null) return Optional.of(state);
        long before = changes.get();
        Optional<TokenState> read = jdbc.sql("SELECT token_version, disabled_at FROM users WHERE id = :id").param("id", account)
                .query((rs, n) -> new TokenState(rs.getInt("token_version"), rs.getObject("disabled_at") != null))
                .optional();
        afterQuery.run();
        if (enabled && read.isPresent()) {
            if (known.size() >= MAX_ACCOUNTS) known.clear();
            known.put(account, read.get());
            if (changes.get() != before) known.remove(account, read.get());
        }
        return read;
    }

    /**
     * The account's row changed (token version, disabled, deleted) in the current transaction: once it commits, what
     * was kept of it is forgotten. At once when there is no transaction.
     */
    public void changed(UUID account) {
        if (!enabled) return;
        AfterCommit.run(() -> {
            changes.incrementAndGet();
            known.remove(account);
        });
    }

    public record TokenState(int tokenVersion, boolean disabled) {
    }
}
