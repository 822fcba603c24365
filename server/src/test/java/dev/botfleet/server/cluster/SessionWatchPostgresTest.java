package dev.botfleet.server.cluster;

import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SessionWatch} on a real PostgreSQL: each "node" is a watch with a session of its own (a physical connection
 * per node, as separate processes have). A node's session ending — what PostgreSQL sees when its process is killed —
 * gets it downed by the others after two polls; a node that holds its lock, or was never seen holding it, is not; and
 * a watch whose own session broke (as in a database restart) forgets what it saw.
 */
@ExtendWith(PostgresAvailable.class)
class SessionWatchPostgresTest {
    private final DataSource database = PostgresSchema.newSchema();
    private final List<SessionWatch> watches = new ArrayList<>();
    private final List<String> downed = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeWatches() {
        watches.forEach(SessionWatch::close);
    }

    private static String member() {
        return "127.0.0.1:" + (20_000 + (int) (Math.random() * 10_000)) + "#" + UUID.randomUUID();
    }

    /** A node's watch that has taken its own lock, watching {@code others}. */
    private SessionWatch node(String self, List<String> others) throws SQLException {
        SessionWatch watch = new SessionWatch(database, self, () -> others, downed::add);
        watch.start();
        watches.add(watch);
        return watch;
    }

    @Test
    void aNodeWhoseSessionEndedIsDownedAfterTwoPollsAndOnlyOnce() throws SQLException {
        String a = member();
        String b = member();
        SessionWatch watchA = node(a, List.of(b));
        SessionWatch watchB = node(b, List.of(a));
        watchA.poll();
        watchB.poll();
        assertThat(downed).as("both sessions alive").isEmpty();

        watchB.close();  // B's process is gone: its connection closed, its session ended
        watchA.poll();
        assertThat(downed).as("free on one poll only: it may be a node re-taking its lock").isEmpty();
        watchA.poll();
        assertThat(downed).containsExactly(b);
        watchA.poll();
        watchA.poll();
        assertThat(downed).as("told once").containsExactly(b);
    }

    @Test
    void aNodeThatHoldsItsLockOrWasNeverSeenHoldingItIsNotDowned() throws SQLException {
        String a = member();
        String alive = member();
        String neverLocked = member();  // e.g. a node that has joined but not yet taken its lock
        SessionWatch watchA = node(a, List.of(alive, neverLocked));
        node(alive, List.of());
        for (int i = 0; i < 5; i++) watchA.poll();
        assertThat(downed).isEmpty();

        // a watch trying a lock leaves it free: the node that has not taken it yet still can
        SessionWatch late = new SessionWatch(database, neverLocked, List::of, downed::add);
        late.start();
        watches.add(late);
        watchA.poll();
        watchA.poll();
        assertThat(downed).isEmpty();
    }

    @Test
    void aWatchWhoseOwnSessionBrokeForgetsWhatItSaw() throws SQLException {
        String a = member();
        String b = member();
        SessionWatch watchA = node(a, List.of(b));
        SessionWatch watchB = node(b, List.of());
        watchA.poll();  // B seen holding its lock

        // as when the database restarts: every session ends at once, A's and B's
        terminateSessionOf(a);
        watchB.close();
        for (int i = 0; i < 4; i++) watchA.poll();  // the first poll finds its session broken and starts over
        assertThat(downed).as("B was not seen holding its lock on A's new session").isEmpty();

        node(b, List.of());  // B back, with its lock
        watchA.poll();
        assertThat(downed).isEmpty();
    }

    @Test
    void aNodeWhoseLockIsBusyAtStartTakesItAtTheNextPollInsteadOfWaiting() throws SQLException {
        String a = member();
        SessionWatch watchA = new SessionWatch(database, a, List::of, downed::add);
        watches.add(watchA);
        try (Connection other = database.getConnection();
             var lock = other.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, SessionWatch.LOCK_CLASS);
            lock.setInt(2, SessionWatch.key(a));
            lock.execute();  // as another node's watch trying it at that instant
            assertThatThrownBy(watchA::start).isInstanceOf(SQLException.class).hasMessageContaining("held elsewhere");
        }
        watchA.poll();
        assertThat(holders(a)).as("taken at the next poll").isEqualTo(1);
    }

    /** Sessions holding {@code member}'s lock now. */
    private long holders(String member) throws SQLException {
        return onHoldersOf(member, "COUNT(*)");
    }

    /** Ends the database session holding {@code member}'s lock, as PostgreSQL does for a connection that went away. */
    private void terminateSessionOf(String member) throws SQLException {
        assertThat(onHoldersOf(member, "COUNT(pg_terminate_backend(pid))")).as("sessions that held " + member + "'s lock")
                .isEqualTo(1);
    }

    /** {@code SELECT <select>} over the sessions holding {@code member}'s lock. */
    private long onHoldersOf(String member, String select) throws SQLException {
        try (Connection admin = database.getConnection();
             var query = admin.prepareStatement("SELECT " + select + " FROM pg_locks WHERE locktype = 'advisory' AND "
                     + "classid::bigint = ? AND objid::bigint = ? AND objsubid = 2 AND granted")) {
            query.setLong(1, Integer.toUnsignedLong(SessionWatch.LOCK_CLASS));
            query.setLong(2, Integer.toUnsignedLong(SessionWatch.key(member)));
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
