package org.chorus.shared.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait for the writing transaction to commit: a cache forgetting what changed, a mail sender woken up.
 * Outside a transaction it runs at once; after a rollback it does not run.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs the task once the current transaction commits, or now when there is none. */
    public static void run(Runnable task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            task.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                task.run();
            }
        });
    }

    /**
     * Runs the task now and again once the current transaction commits: a cache forgets at once (the writer reads its
     * own change) and again after the commit (a reader in between may have kept what was there before).
     */
    public static void nowAndAfterCommit(Runnable task) {
        task.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            run(task);
        }
    }
}
