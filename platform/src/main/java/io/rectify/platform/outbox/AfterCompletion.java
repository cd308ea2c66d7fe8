package io.rectify.platform.outbox;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action once when the current transaction ends, however often it is asked for in that transaction. */
public final class AfterCompletion {

    private AfterCompletion() {
    }

    /**
     * @param key    identifies the action within the transaction: a second call with the same key adds nothing
     * @param action runs after commit or rollback (a wake-up: harmless after a rollback)
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
