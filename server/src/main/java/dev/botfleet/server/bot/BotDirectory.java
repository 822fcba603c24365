package dev.botfleet.server.bot;

import dev.botfleet.server.common.AfterCommit;
import dev.botfleet.server.common.Databases;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bots table in memory, for the API's reads of a fleet on one node: the bot list, the fleet summary and one bot.
 * The dashboard asks for them on every refresh, and from the database they cost most of a request's CPU under a
 * trading fleet (docs/fleet-scale.md, "The bot directory").
 *
 * <p>It shows only what is stored. Every write to a bot's row tells it ({@link #changed}) once its transaction has
 * committed; the entry is then stale and is read again from the database by the next read that needs it. On H2 a read
 * may see a commit that is visible but not yet on disk, so an entry is kept only after the commit steps that may have
 * written its row have left them: a response built from the directory never waits for a commit step
 * ({@code config.H2ShownOnceStored}). A read of a whole fleet does not even wait for them when all that changed is a
 * bot's fills: it shows the bot's previous stored row until the next read ({@link #keepable}).
 *
 * <p>Tickets order the reads and the changes of a bot without a lock: each change and each read takes the next
 * number, a read's row is kept only if no read with a later ticket was kept, and the entry is fresh only while no
 * change came after the read's ticket. A change always takes its ticket after its commit, a read takes its ticket
 * before it reads, so a fresh entry holds every change that was told.
 *
 * <p>In a cluster other nodes write bots' rows too, so there the directory is off and the reads go to the database.
 */
@Component
public class BotDirectory {
    private static final Logger log = LoggerFactory.getLogger(BotDirectory.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** Ids in one {@code IN (...)} of a read. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final RowMapper<Bot> rows;
    private final GroupCommit commits;
    private final boolean enabled;
    private final boolean h2;
    private final AtomicLong tickets = new AtomicLong();
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, OwnerFleet> fleets = new ConcurrentHashMap<>();
    /** The fleet of an owner who has no bot. */
    private static final OwnerFleet NO_BOTS = new OwnerFleet();
    private volatile boolean loaded;
    /** Runs between a read of rows and keeping them: tests put a change there, the moment a race would. */
    volatile Runnable afterRead = () -> { };

    public BotDirectory(JdbcClient jdbc, JsonMapper json, GroupCommit commits,
                        @Value("${botfleet.cluster.enabled:false}") boolean cluster,
                        @Value("${spring.datasource.url:}") String databaseUrl) {
        this.jdbc = jdbc;
        this.rows = BotRows.mapper(json);
        this.commits = commits;
        this.enabled = !cluster;
        this.h2 = Databases.isH2(databaseUrl);
    }

    /**
     * Whether a read now is served from here: on one node, and outside any transaction — a transaction's own changes
     * are told only once it commits, and a row it read could be one it then rolls back.
     */
    public boolean serves() {
        return enabled && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * The bot's row changed (or was inserted or deleted) in the current transaction: once it commits, its entry is
     * stale. At once when there is no transaction.
     *
     * @param ownerId its owner when the writer knows it (a new bot must name it), else null
     */
    public void changed(UUID ownerId, UUID botId) {
        if (enabled) AfterCommit.run(() -> stale(ownerId, botId));
    }

    /** {@link #changed(UUID, UUID)} by a writer that knows only the bot (its journal). */
    public void changed(UUID botId) {
        changed(null, botId);
    }

    private void stale(UUID ownerId, UUID botId) {
        long ticket = tickets.incrementAndGet();
        entries.compute(botId, (id, e) -> e == null ? new Entry(null, ownerId, 0, 0, ticket) : e.staleAt(ticket));
        if (ownerId != null) fleetOf(ownerId).join(botId, false);
    }

    /**
     * The owner's account was deleted in the current transaction, and its bots with it by the database's cascade, which
     * tells nothing per bot: once it commits, the owner's entries are dropped, so that memory does not keep a deleted
     * account's fleet until the node restarts. (A read of that fleet still under way may keep a row it read before the
     * deletion; nobody can ask for it any more, since the account's tokens are refused.)
     */
    public void ownerDeleted(UUID ownerId) {
        if (enabled) AfterCommit.run(() -> forget(ownerId));
    }

    private void forget(UUID ownerId) {
        OwnerFleet fleet = fleets.remove(ownerId);
        if (fleet != null) fleet.ids().forEach(entries::remove);
    }

    /** Whether an entry of the bot is kept (tests). */
    boolean holds(UUID botId) {
        return entries.containsKey(botId);
    }

    private OwnerFleet fleetOf(UUID ownerId) {
        return fleets.computeIfAbsent(ownerId, o -> new OwnerFleet());
    }

    /** The owner's bot, as stored. */
    public Optional<Bot> find(UUID ownerId, UUID botId) {
        load();
        Entry e = entries.get(botId);
        if (e == null || !e.fresh()) {
            read(List.of(botId), false);
            e = entries.get(botId);
        }
        return e == null || e.bot == null || !e.bot.ownerId().equals(ownerId) ? Optional.empty() : Optional.of(e.bot);
    }

    /** The owner's bots, newest first (as {@code BotRepository.page}), optionally of one status. */
    public PageResponse<Bot> page(UUID ownerId, BotStatus status, Paging paging) {
        OwnerFleet fleet = refreshed(ownerId);
        List<Bot> shown = new ArrayList<>(paging.size());
        long matching = 0;
        for (UUID id : fleet.newestFirst(this::seqOf)) {
            Bot bot = stored(ownerId, id);
            if (bot == null || (status != null && bot.status() != status)) continue;
            if (matching >= paging.offset() && shown.size() < paging.size()) shown.add(bot);
            matching++;
        }
        return new PageResponse<>(shown, paging.page(), paging.size(), matching);
    }

    /** The owner's fleet in figures (as {@code BotRepository.summary}). */
    public BotRepository.Summary summary(UUID ownerId) {
        return refreshed(ownerId).summary();
    }

    /** The owner's fleet, its stale entries read again first. */
    private OwnerFleet refreshed(UUID ownerId) {
        load();
        OwnerFleet fleet = fleets.getOrDefault(ownerId, NO_BOTS);
        List<UUID> stale = null;
        for (UUID id : fleet.ids()) {
            Entry e = entries.get(id);
            if (e != null && e.fresh()) continue;
            if (stale == null) stale = new ArrayList<>();
            stale.add(id);
        }
        if (stale != null) read(stale, true);
        return fleet;
    }

    /**
     * The owner's bot as last read — changed again since, its stored row of a moment ago is still what the database had
     * — or null.
     */
    private Bot stored(UUID ownerId, UUID botId) {
        Entry e = entries.get(botId);
        return e == null || e.bot == null || !e.bot.ownerId().equals(ownerId) ? null : e.bot;
    }

    private long seqOf(UUID botId) {
        Entry e = entries.get(botId);
        return e == null ? 0 : e.seq;
    }

    /** Every bot, once, at the first read (a node's bots fit in memory: a few kilobytes each). */
    private void load() {
        if (loaded) return;
        synchronized (this) {
            if (loaded) return;
            long ticket = tickets.incrementAndGet();
            Map<UUID, Long> seqs = new HashMap<>();
            List<Bot> all = jdbc.sql("SELECT * FROM bots").query((rs, n) -> {
                Bot bot = rows.mapRow(rs, n);
                seqs.put(bot.id(), rs.getLong("seq"));
                return bot;
            }).list();
            awaitStored(null);
            for (Bot bot : all) keep(bot.id(), bot, seqs.get(bot.id()), ticket);
            loaded = true;
            log.debug("bot directory: {} bots loaded", all.size());
        }
    }

    /**
     * Reads the bots' rows again (a missing row: the bot was deleted).
     *
     * @param ofFleet a read of a whole fleet (list, summary), which on H2 does not wait for a bot's fills ({@link #keepable})
     */
    private void read(Collection<UUID> ids, boolean ofFleet) {
        long ticket = tickets.incrementAndGet();
        Map<UUID, Bot> found = new HashMap<>();
        Map<UUID, Long> seqs = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("SELECT * FROM bots WHERE id IN (:ids)").param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((rs, n) -> {
                        Bot bot = rows.mapRow(rs, n);
                        found.put(bot.id(), bot);
                        seqs.put(bot.id(), rs.getLong("seq"));
                        return bot;
                    }).list();
        }
        List<UUID> kept;
        if (ofFleet) {
            kept = keepable(all, found);
        } else {
            awaitStored(all);
            kept = all;
        }
        afterRead.run();
        for (UUID id : kept) keep(id, found.get(id), seqs.getOrDefault(id, 0L), ticket);
    }

    /**
     * Of a fleet's rows just read, those that can be kept now. On H2 a bot whose commit step is under way may have been
     * read with writes not yet on disk. If all that changed since its kept row is what a fill books (pnl, deals, last
     * fill), the kept row — stored — is shown a moment longer and the bot is read again next time: under a fleet that
     * trades hard its steps are under way a third of the time, and waiting for them was most of a list's or summary's
     * latency (docs/fleet-scale.md, "What a request allocates"). Any other change (a user's stop or edit, a bot created
     * or deleted) is waited for, as a read of that bot alone waits.
     */
    private List<UUID> keepable(List<UUID> read, Map<UUID, Bot> found) {
        if (!h2) return read;
        List<UUID> keepable = new ArrayList<>(read.size());
        List<UUID> awaited = new ArrayList<>();
        for (UUID id : read) {
            if (!commits.inCommitStep(id)) {
                keepable.add(id);  // asked after the read: whatever it saw of the bot is on disk
                continue;
            }
            Entry e = entries.get(id);
            Bot now = found.get(id);
            if (e != null && e.bot != null && now != null && onlyFillsChanged(e.bot, now)) continue;
            awaited.add(id);
        }
        awaitStored(awaited);
        keepable.addAll(awaited);
        return keepable;
    }

    /** Whether {@code now} is {@code kept} with only what booking a fill on the bot writes changed. */
    static boolean onlyFillsChanged(Bot kept, Bot now) {
        return new Bot(now.id(), now.ownerId(), now.name(), now.exchange(), now.symbol(), now.strategy(), now.mode(),
                now.status(), now.statusReason(), now.config(), kept.pnl(), kept.totalTrades(), kept.lastFillTime(),
                now.createdAt(), kept.updatedAt(), now.credentialId(), now.margin()).equals(kept);
    }

    private void keep(UUID id, Bot bot, long seq, long ticket) {
        boolean[] placed = {false};
        Entry kept = entries.compute(id, (k, e) -> {
            if (e == null && bot == null) return null;  // no such bot, and nothing told of it: keep nothing
            if (e != null && e.readAt > ticket) return e;  // a later read was kept
            Bot before = e == null ? null : e.bot;
            if (before != null || bot != null) {
                // here, under the entry's lock, so that the totals take each change of this bot in the entry's order
                fleetOf(bot != null ? bot.ownerId() : before.ownerId()).replace(before, bot);
            }
            placed[0] = e == null || e.seq != seq;
            return new Entry(bot, bot != null ? bot.ownerId() : e.owner, seq, ticket, e == null ? 0 : e.staleAt);
        });
        if (kept == null) return;
        if (kept.bot != null && kept.bot == bot) {
            fleetOf(bot.ownerId()).join(id, placed[0]);
        } else if (bot == null && kept.owner != null) {
            OwnerFleet fleet = fleets.get(kept.owner);
            if (fleet != null) fleet.leave(id);  // deleted: ids are never used again
        }
    }

    /**
     * On H2, until no commit step under way may have written these bots' rows (null: any bot's), so that nothing read
     * can still be lost to a crash (see {@code config.H2ShownOnceStored}).
     */
    private void awaitStored(List<UUID> ids) {
        if (!h2 || (ids != null && ids.isEmpty())) return;
        try {
            boolean done = true;
            if (ids == null || ids.size() > 16) {
                done = commits.awaitCommitSteps(MAX_WAIT);
            } else {
                for (UUID id : ids) done &= commits.awaitCommitSteps(id, MAX_WAIT);
            }
            if (!done) log.warn("a group commit stayed in its commit step over {}; the bot directory goes on", MAX_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param bot    the stored row as read at {@code readAt} (null: not read yet, or deleted)
     * @param readAt the ticket of the read that found {@code bot} (0: none)
     * @param staleAt the ticket of the latest change told (0: none)
     */
    private record Entry(Bot bot, UUID owner, long seq, long readAt, long staleAt) {
        boolean fresh() {
            return readAt > staleAt;
        }

        Entry staleAt(long ticket) {
            return new Entry(bot, owner, seq, readAt, Math.max(staleAt, ticket));
        }
    }
}
