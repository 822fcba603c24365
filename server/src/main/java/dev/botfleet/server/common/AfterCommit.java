package dev.botfleet.server.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction committed (now, when there is none): the runtime launches, stops or
 * reconfigures a bot only after the change that asked for it is stored, and the notification senders are woken only
 * when the outbox row they are to send is visible; a rolled-back change does neither.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
