package dev.botfleet.server.config;

import dev.botfleet.server.common.GroupCommit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The bots' shared commits ({@link GroupCommit}); closed with the context, after the runtime stopped its bots. */
@Configuration(proxyBeanMethods = false)
class TransactionsConfig {
    @Bean(destroyMethod = "close")
    GroupCommit groupCommit(PlatformTransactionManager transactions,
                            @Value("${botfleet.journal.max-batch:256}") int maxBatch,
                            @Value("${botfleet.journal.writers:2}") int writers, MeterRegistry registry) {
        GroupCommit commits = new GroupCommit(new TransactionTemplate(transactions), maxBatch, writers);
        FunctionCounter.builder("botfleet.journal.commits", commits, GroupCommit::commits)
                .description("Group commits of the bots' writes").register(registry);
        FunctionCounter.builder("botfleet.journal.units", commits, GroupCommit::units)
                .description("Bots' units of work committed (units / commits is the mean batch)").register(registry);
        return commits;
    }
}
