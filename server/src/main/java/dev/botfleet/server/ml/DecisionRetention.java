package dev.botfleet.server.ml;

import dev.botfleet.server.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code ml_decisions} from growing without end: an ml-signal bot deciding every 2 s writes ~43,000 rows a day,
 * nearly all of them decisions that placed nothing. Those are deleted once older than
 * {@code botfleet.ml.decision-retention} (default 7 days; the confidence chart shows recent points only). Decisions
 * that placed an order are kept as long as the bot: they are the confidence of its orders and feed its statistics.
 * Runs hourly on its own thread, never on a bot's turn.
 */
@Component
public class DecisionRetention implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DecisionRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public DecisionRetention(JdbcClient jdbc, Clock clock,
                             @Value("${botfleet.ml.decision-retention:7d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("botfleet.ml.decision-retention must be positive, was " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes the decisions that placed nothing and are older than the retention; returns how many. */
    public int prune() {
        Instant cutoff = Times.now(clock).minus(retention);
        return jdbc.sql("DELETE FROM ml_decisions WHERE NOT acted AND decided_at < :cutoff")
                .param("cutoff", Times.sql(cutoff)).update();
    }

    private void pruneSafely() {
        try {
            int deleted = prune();
            if (deleted > 0) log.info("ml decisions: {} older than {} deleted", deleted, retention);
        } catch (RuntimeException e) {
            log.warn("ml decisions not pruned: {}", e.toString());  // the next hour tries again
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ml-decision-retention").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::pruneSafely, 1, 60, TimeUnit.MINUTES);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() { return running; }
}
