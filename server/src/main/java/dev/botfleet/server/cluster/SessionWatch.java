package dev.botfleet.server.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices at once that another node's process has died, through the database every node already depends on. Each node
 * holds a PostgreSQL session-level advisory lock keyed by its unique cluster address, on a connection of its own, for as
 * long as it runs. When a process is killed its connections close with it, and PostgreSQL ends the session and frees
 * the lock within milliseconds. Every node tries the other members' locks a few times a second: a lock it saw held that
 * is free on two polls in a row means that member's process is gone, and it downs the member — instead of waiting for
 * the failure detector (3.5-5 s on a busy 2-core machine) and the split brain resolver's stable-after (2 s).
 *
 * <p>Only a member seen holding its lock is ever downed this way (a node takes its lock as it starts, possibly after
 * others first see it), and a watch whose own session broke (the database restarted) forgets what it saw: after a
 * database restart every lock is free at once, and no node may read that as the others' death. A frozen or partitioned
 * node keeps its session (its connection stays open): the failure detector and the resolver decide about it as before,
 * and the shard leases keep it from trading either way (docs/cluster/failover.md, "Shard leases and fencing").
 *
 * <p>This decides only how soon a node is downed, never who may send: the dead node's shard leases are still taken only
 * once expired, so the fencing argument does not rest on this watch (a live node whose watch connection alone broke
 * would be downed and exit, having sent nothing its lease did not allow).
 */
final class SessionWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionWatch.class);
    /** The first key of every node's lock ("bflt"): keeps them apart from any other advisory lock in the database. */
    static final int LOCK_CLASS = 0x62666c74;
    /** Polls in a row that must find a member's lock free before it is downed (a reconnecting node re-takes it). */
    static final int FREE_POLLS = 2;

    private final DataSource dataSource;
    private final String self;
    private final Supplier<Collection<String>> others;
    private final Consumer<String> down;
    private Connection session;
    /** Members whose lock this session has seen held. */
    private final Set<String> seenHeld = new HashSet<>();
    /** Members whose lock was free on the last polls, and on how many in a row. */
    private final Map<String, Integer> freePolls = new HashMap<>();
    private final Set<String> downed = new HashSet<>();

    /**
     * @param self   this node's unique address (host:port#uid), the key of its own lock
     * @param others the other members that may be downed (Up or WeaklyUp; not leaving), by unique address
     * @param down   downs a member whose process is gone (told once per member)
     */
    SessionWatch(DataSource dataSource, String self, Supplier<Collection<String>> others, Consumer<String> down) {
        this.dataSource = dataSource;
        this.self = self;
        this.others = others;
        this.down = down;
    }

    /** The lock's second key: the member's unique address, hashed (a restarted node has a new uid, so a new key). */
    static int key(String member) {
        return member.hashCode();
    }

    /**
     * Takes this node's lock on a session of its own. Never waits: another node's watch may be trying the lock at that
     * instant (it lets go at once), so a lock not had is tried again at the next poll.
     */
    synchronized void start() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, key(self));
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) throw new SQLException("this node's session lock is held elsewhere");
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        session = c;
        seenHeld.clear();
        freePolls.clear();
    }

    /** One look at every other member's lock; downs those whose session has ended. Never throws. */
    synchronized void poll() {
        try {
            if (session == null || session.isClosed()) start();
            for (String member : others.get()) {
                if (member.equals(self) || downed.contains(member)) continue;
                if (!free(member)) {
                    seenHeld.add(member);
                    freePolls.remove(member);
                } else if (seenHeld.contains(member) && freePolls.merge(member, 1, Integer::sum) >= FREE_POLLS) {
                    downed.add(member);
                    log.warn("Cluster node {}: its database session ended (the process is gone): downing it", member);
                    down.accept(member);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // this node's own session broke: what it saw no longer holds; the next poll starts a new one
            log.warn("Cluster session watch: {}; starting over with a new session", e.toString());
            closeSession();
        }
    }

    /** True if nobody holds the member's lock: tried, and released at once if taken. */
    private boolean free(String member) throws SQLException {
        try (PreparedStatement tryLock = session.prepareStatement(
                "SELECT CASE WHEN pg_try_advisory_lock(?, ?) THEN pg_advisory_unlock(?, ?) ELSE false END")) {
            tryLock.setInt(1, LOCK_CLASS);
            tryLock.setInt(2, key(member));
            tryLock.setInt(3, LOCK_CLASS);
            tryLock.setInt(4, key(member));
            try (ResultSet rs = tryLock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void closeSession() {
        Connection c = session;
        session = null;
        seenHeld.clear();
        freePolls.clear();
        if (c == null) return;
        // the connection may be a pool's, whose session outlives close(): the lock is given up explicitly
        try (c; PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            log.debug("Closing the session watch's connection (its session may be gone already): {}", e.toString());
        }
    }

    /** Gives up this node's lock (a clean leave: the node has left the cluster by now). */
    @Override
    public synchronized void close() {
        closeSession();
    }
}
