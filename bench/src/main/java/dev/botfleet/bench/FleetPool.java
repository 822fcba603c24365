package dev.botfleet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.LongAdder;

/**
 * The executor of an in-process fleet benchmark: a pool of one thread per core that the bots' mailboxes and the hub's
 * shards share, as the server's bots do, and whose threads' CPU time can be read (the fleet's cost without the
 * publisher's waiting).
 */
final class FleetPool {
    final ForkJoinPool pool;
    private final List<Thread> workers = new CopyOnWriteArrayList<>();

    FleetPool() {
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            workers.add(t);
            return t;
        }, null, true);
    }

    /** CPU time of the pool's threads so far. */
    long cpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : workers) {
            long cpu = mx.getThreadCpuTime(t.threadId());
            if (cpu > 0) sum += cpu;
        }
        return sum;
    }

    /** Spins, then yields (2 cores: the bots' threads must run), until {@code counter} reaches {@code target}. */
    static void awaitAtLeast(LongAdder counter, long target) {
        int spins = 0;
        while (counter.sum() < target) {
            if (++spins < 200) Thread.onSpinWait();
            else Thread.yield();
        }
    }
}
