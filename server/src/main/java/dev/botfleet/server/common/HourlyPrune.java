package dev.botfleet.server.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A table kept from growing without end: {@link #prune} deletes what is older than the retention ({@link #cutoff}); it
 * runs a minute after start, then every hour, on its own thread (never on a bot's turn). A failed run is logged and the
 * next hour tries again. A retention of zero keeps everything: the thread is not started.
 */
public abstract class HourlyPrune implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HourlyPrune.class);

    /** What is pruned, for the log and the thread's name: "activity log", "ml decisions". */
    private final String what;
    private final Clock clock;
    private final Duration retention;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile boolean stopping;

    protected HourlyPrune(String what, Clock clock, Duration retention) {
        this.what = what;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes what is past its retention; returns how many rows. */
    public abstract int prune();

    /** Rows older than this are past the retention. */
    protected Instant cutoff() {
        return Times.now(clock).minus(retention);
    }

    /** True once the server is shutting down: a long prune stops between batches. */
    protected boolean stopping() {
        return stopping;
    }

    /** False for a retention of zero: everything is kept. */
    protected boolean enabled() {
        return !retention.isZero();
    }

    private void pruneSafely() {
        try {
            int deleted = prune();
            if (deleted > 0) log.info("{}: {} rows past their retention deleted", what, deleted);
        } catch (RuntimeException e) {
            log.warn("{} not pruned: {}", what, e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        if (!enabled()) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(what.replace(' ', '-') + "-retention").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::pruneSafely, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        if (scheduler != null) scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() { return running; }
}
