package io.rectify.platform.problem;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void connectionStatesAndRestartsAreOutages() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P02", "57P03", "53300"}) {
            assertThat(DatabaseOutage.isCause(new IllegalStateException(new SQLException("x", state)))).as(state).isTrue();
        }
    }

    @Test
    void poolAcquisitionTimeoutIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void aFailedCommitCarriesTheDriverErrorAmongItsSuppressed() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertThat(DatabaseOutage.isCause(new RuntimeException("Error invoking subclass method", commit))).isTrue();
    }

    @Test
    void badDataIsNotAnOutage() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("poison"))).isFalse();
        assertThat(DatabaseOutage.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void abortedTransactionsAreTransientButNotOutages() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        assertThat(DatabaseOutage.isTransient(deadlock)).isTrue();
        assertThat(DatabaseOutage.isCause(deadlock)).isFalse();
        assertThat(DatabaseOutage.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
    }

    @Test
    void aCyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertThat(DatabaseOutage.isCause(b)).isFalse();
    }
}
