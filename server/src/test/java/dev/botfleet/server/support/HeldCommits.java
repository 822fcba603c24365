package dev.botfleet.server.support;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.concurrent.CountDownLatch;

/**
 * Transactions whose commit, while holding, waits inside its commit step until let go: a group commit caught between
 * "about to commit" and "committed", what an API response on H2 waits for.
 */
public final class HeldCommits {
    /** Counted down when a commit has entered its step. */
    public final CountDownLatch inCommit = new CountDownLatch(1);
    /** Lets the held commits finish. */
    public final CountDownLatch letCommit = new CountDownLatch(1);
    private volatile boolean holding = true;

    /** From now on commits go straight through. */
    public void stopHolding() {
        holding = false;
    }

    public TransactionTemplate transactions(DataSource data) {
        return new TransactionTemplate(new JdbcTransactionManager(data) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (holding) {
                    inCommit.countDown();
                    try {
                        letCommit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.doCommit(status);
            }
        });
    }
}
