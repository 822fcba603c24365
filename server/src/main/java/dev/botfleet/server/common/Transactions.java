package dev.botfleet.server.common;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs work in a database transaction that has committed when the call returns (or rolled back, and the work's
 * exception is thrown). Bots' journals write through this, so a fleet's writes can share commits ({@link GroupCommit})
 * while each caller keeps the one rule that matters: what it wrote is durable before it goes on.
 */
public interface Transactions {
    <T> T execute(Supplier<T> work);

    default void run(Runnable work) {
        execute(() -> {
            work.run();
            return null;
        });
    }

    /** Each call its own transaction (tests, and tools that run one bot). */
    static Transactions of(TransactionTemplate tx) {
        return new Transactions() {
            @Override
            public <T> T execute(Supplier<T> work) {
                return tx.execute(status -> work.get());
            }
        };
    }
}
