package dev.botfleet.server.config;

import dev.botfleet.server.common.Databases;
import dev.botfleet.server.common.GroupCommit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The bots' shared commits ({@link GroupCommit}); closed with the context, after the runtime stopped its bots. */
@Configuration(proxyBeanMethods = false)
class TransactionsConfig {
    @Bean(destroyMethod = "close")
    GroupCommit groupCommit(PlatformTransactionManager transactions,
                            @Value("${botfleet.journal.max-batch:256}") int maxBatch,
                            @Value("${botfleet.journal.writers:2}") int writers,
                            @Value("${botfleet.journal.max-queue-age:30s}") Duration maxQueueAge,
                            @Value("${botfleet.journal.writer-niceness:#{null}}") Integer configuredNiceness,
                            @Value("${spring.datasource.url:}") String databaseUrl,
                            MeterRegistry registry) {
        int writerNiceness = writerNiceness(configuredNiceness, databaseUrl);
        // how long the bots' writes wait for their commit: the writers' saturation as a user meets it (a paper order
        // reaches the exchange only once its intent is committed)
        Timer waits = Timer.builder("botfleet.journal.wait")
                .description("From a bot's write queued to its group commit")
                .serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(25), millis(50),
                        millis(100), millis(250), millis(500), millis(1000), millis(2500), millis(5000),
                        millis(10_000), millis(30_000), millis(60_000), millis(120_000))  // a saturated node's waits
                .register(registry);
        GroupCommit commits = new GroupCommit(new TransactionTemplate(transactions), maxBatch, writers, maxQueueAge,
                nanos -> waits.record(nanos, TimeUnit.NANOSECONDS), writerNiceness);
        // from just before the database commits to just after: on H2 an API response waits for it (H2ShownOnceStored)
        Timer steps = Timer.builder("botfleet.journal.commit.step")
                .description("A group commit's commit step, from just before the database commits to just after")
                .serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(25), millis(50),
                        millis(100), millis(250), millis(500), millis(1000), millis(2500))
                .register(registry);
        commits.timeCommitSteps(nanos -> steps.record(nanos, TimeUnit.NANOSECONDS));
        FunctionCounter.builder("botfleet.journal.commits", commits, GroupCommit::commits)
                .description("Group commits of the bots' writes").register(registry);
        FunctionCounter.builder("botfleet.journal.units", commits, GroupCommit::units)
                .description("Bots' units of work committed (units / commits is the mean batch)").register(registry);
        Gauge.builder("botfleet.journal.waiting", commits, GroupCommit::waiting)
                .description("Bots' units of work queued for a group commit now").register(registry);
        return commits;
    }

    /**
     * The write-behind writers' nice value: 10 unless configured — but 0 on H2, where a lower one is refused.
     *
     * <p>Why not on H2: H2 makes a commit visible to other sessions a moment before it has written it to its file
     * (its store runs after the commit is marked). A writer at a lower priority can be preempted in that moment and
     * stretch it; an API call made then reports a fill that a SIGKILL loses (H2CrashRestartIT caught one). PostgreSQL
     * shows a commit only once it is in its log, so there the writers may take what CPU is left.
     */
    static int writerNiceness(Integer configured, String databaseUrl) {
        if (!Databases.isH2(databaseUrl)) return configured == null ? 10 : configured;
        if (configured != null && configured != 0) {
            throw new IllegalArgumentException("botfleet.journal.writer-niceness must be 0 on H2, was " + configured
                    + ": H2 shows a commit to other sessions a moment before it is on disk, and a writer at a lower"
                    + " priority would stretch that moment (an acknowledged fill could be lost to a crash)");
        }
        return 0;
    }

    private static Duration millis(long ms) { return Duration.ofMillis(ms); }
}
