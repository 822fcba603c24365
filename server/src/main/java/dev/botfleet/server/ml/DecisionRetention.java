package dev.botfleet.server.ml;

import dev.botfleet.server.common.HourlyPrune;
import dev.botfleet.server.common.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps {@code ml_decisions} from growing without end: an ml-signal bot deciding every 2 s writes ~43,000 rows a day,
 * nearly all of them decisions that placed nothing. Those are deleted once older than
 * {@code botfleet.ml.decision-retention} (default 7 days; the confidence chart shows recent points only). Decisions
 * that placed an order are kept as long as the bot: they are the confidence of its orders and feed its statistics.
 * Runs hourly on its own thread, never on a bot's turn.
 */
@Component
public class DecisionRetention extends HourlyPrune {
    private final JdbcClient jdbc;

    public DecisionRetention(JdbcClient jdbc, Clock clock,
                             @Value("${botfleet.ml.decision-retention:7d}") Duration retention) {
        super("ml decisions", clock, retention);
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("botfleet.ml.decision-retention must be positive, was " + retention);
        }
        this.jdbc = jdbc;
    }

    /** Deletes the decisions that placed nothing and are older than the retention; returns how many. */
    @Override
    public int prune() {
        Instant cutoff = cutoff();
        return jdbc.sql("DELETE FROM ml_decisions WHERE NOT acted AND decided_at < :cutoff")
                .param("cutoff", Times.sql(cutoff)).update();
    }
}
