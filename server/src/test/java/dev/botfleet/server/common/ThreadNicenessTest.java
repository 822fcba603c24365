package dev.botfleet.server.common;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writers' lower CPU priority, read back from the kernel (/proc) rather than from our own bookkeeping. Linux is the
 * platform botfleet runs and is tested on, so these run everywhere the suite does (nothing is skipped).
 */
class ThreadNicenessTest {
    /** The test JVM's own nice value: each test lowers threads below it, so it must leave room. */
    private static int normalNice(int roomNeeded) {
        assertThat(Path.of("/proc/thread-self/stat")).as("a Linux /proc").exists();
        int nice = niceOfThisThread();
        assertThat(nice).as("the test JVM's nice value leaves room to lower a thread by " + roomNeeded)
                .isLessThanOrEqualTo(19 - roomNeeded);
        return nice;
    }

    @Test
    void theCallingThreadAloneGetsTheNiceValue() throws Exception {
        int before = normalNice(1);
        CompletableFuture<int[]> lowered = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                boolean set = ThreadNiceness.setForCurrentThread(before + 7 > 19 ? 19 : before + 7);
                lowered.complete(new int[]{set ? 1 : 0, niceOfThisThread()});
            } catch (Throwable e) {
                lowered.completeExceptionally(e);
            }
        });
        int[] answer = lowered.get(30, TimeUnit.SECONDS);
        assertThat(answer[0]).as("setpriority succeeded").isEqualTo(1);
        assertThat(answer[1]).isEqualTo(Math.min(19, before + 7));
        assertThat(niceOfThisThread()).as("another thread keeps its priority").isEqualTo(before);
    }

    @Test
    void aCommitLanesWriterRunsAtItsNiceValue() throws Exception {
        int base = normalNice(0);
        assertThat(base).as("the test JVM runs below the lane's nice value 5").isLessThan(5);
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:nice" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(data));
        try (CommitLane lane = new CommitLane(tx, 16, "nice-lane", Duration.ofSeconds(30), nanos -> { }, 5);
             CommitLane normal = new CommitLane(tx, 16, "normal-lane", Duration.ofSeconds(30), nanos -> { }, 0);
             var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            int[] seen = new int[2];
            // run() hands the unit to the lane's writer thread: it reads that thread's own nice value
            CompletableFuture.runAsync(() -> lane.run(() -> seen[0] = niceOfThisThread()), callers).get(30, TimeUnit.SECONDS);
            CompletableFuture.runAsync(() -> normal.run(() -> seen[1] = niceOfThisThread()), callers).get(30, TimeUnit.SECONDS);
            assertThat(seen[0]).isEqualTo(5);
            assertThat(seen[1]).as("0 leaves the writer as it was").isEqualTo(base);
            CompletableFuture<Integer> callback = new CompletableFuture<>();
            lane.submit(() -> { }, () -> callback.complete(niceOfThisThread()), callback::completeExceptionally);
            assertThat(callback.get(30, TimeUnit.SECONDS)).as("write-behind callbacks keep the normal priority")
                    .isEqualTo(base);
            // the lane's other threads were started before the writer lowered itself: none inherited its priority
            java.util.Map<String, Integer> lanes = new java.util.TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                tasks.forEach(task -> {
                    try {
                        String comm = Files.readString(task.resolve("comm")).strip();
                        if (comm.startsWith("nice-lane")) lanes.put(comm, niceOf(Files.readString(task.resolve("stat"))));
                    } catch (java.io.IOException gone) {
                        // a thread that ended meanwhile
                    }
                });
            }
            assertThat(lanes).containsExactly(java.util.Map.entry("nice-lane", 5),
                    java.util.Map.entry("nice-lane-after", base), java.util.Map.entry("nice-lane-relea", base));
        }
    }

    @Test
    void aGroupCommitsWriteBehindLanesRunLowerThanTheLanesCallersWaitFor() throws Exception {
        int base = normalNice(0);
        assertThat(base).as("the test JVM runs below the behind lanes' nice value 6").isLessThan(6);
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:nice" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(data));
        UUID bot = UUID.randomUUID();
        try (GroupCommit commits = new GroupCommit(tx, 16, 2, Duration.ofSeconds(30), nanos -> { }, 6);
             GroupCommit flat = new GroupCommit(tx, 16, 2, Duration.ofSeconds(30), nanos -> { }, 0);
             var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            int[] seen = new int[2];
            CompletableFuture.runAsync(() -> commits.behindLane(bot).run(() -> seen[0] = niceOfThisThread()), callers)
                    .get(30, TimeUnit.SECONDS);
            CompletableFuture.runAsync(() -> commits.lane(bot).run(() -> seen[1] = niceOfThisThread()), callers)
                    .get(30, TimeUnit.SECONDS);
            assertThat(seen[0]).as("write-behind lane").isEqualTo(6);
            assertThat(seen[1]).as("the lane LIVE and cluster bots wait on").isEqualTo(base);
            assertThat(flat.behindLane(bot)).as("niceness 0: one set of lanes").isSameAs(flat.lane(bot));
        }
    }

    @Test
    void aValueOutsideZeroToNineteenIsRefusedByName() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:nice" + UUID.randomUUID());
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(data));
        for (int bad : new int[]{-1, 20}) {
            assertThatThrownBy(() -> new CommitLane(tx, 16, "bad", Duration.ofSeconds(30), nanos -> { }, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("botfleet.journal.writer-niceness must be between 0 (normal priority) and 19 (lowest), was "
                            + bad);
        }
    }

    /** Field 19 of /proc/thread-self/stat: the calling thread's nice value as the kernel schedules it. */
    private static int niceOfThisThread() {
        try {
            return niceOf(Files.readString(Path.of("/proc/thread-self/stat")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int niceOf(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);  // after[0] is field 3 (state)
    }
}
