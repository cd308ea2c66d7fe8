package io.rectify.platform.schema;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances starting together migrate one after the other: while one holds the migration lock, another
 * instance's migrations wait (here: another session of the real database), and they go on once it is released.
 */
class MigrationLockTest {

    private static final String URL = System.getProperty("rectify.test.platform-db",
            "jdbc:postgresql://127.0.0.1:5432/rectify_platform_test");
    private static final String USER = System.getProperty("rectify.test.owner", "rectify_owner");
    private static final String PASSWORD = System.getProperty("rectify.test.owner-password", "rectify_owner");

    @AfterEach
    void released() {
        MigrationLock.release();
    }

    @Test
    void anotherInstanceWaitsUntilTheFirstHasStarted() throws Exception {
        MigrationLock.acquire(dataSource());
        try (Connection other = dataSource().getConnection()) {
            assertThat(tryLock(other)).as("another instance may not migrate meanwhile").isFalse();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> lock(other));
            // it waits: the database shows its advisory lock request not granted
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForTheLock() == 1);
            assertThat(waiting).isNotDone();

            MigrationLock.release();

            waiting.get(10, TimeUnit.SECONDS); // and goes on once the first is done
            try (Statement s = other.createStatement()) {
                s.execute("select pg_advisory_unlock(" + MigrationLock.KEY + ")");
            }
        }
    }

    @Test
    void aStartTakesItOnce() throws SQLException {
        MigrationLock.acquire(dataSource());
        MigrationLock.acquire(dataSource()); // the second migration event of the same start
        MigrationLock.release();
        try (Connection other = dataSource().getConnection()) {
            assertThat(tryLock(other)).as("released by one release").isTrue();
            try (Statement s = other.createStatement()) {
                s.execute("select pg_advisory_unlock(" + MigrationLock.KEY + ")");
            }
        }
    }

    private static long waitingForTheLock() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted "
                     + "and database = (select oid from pg_database where datname = current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + MigrationLock.KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void lock(Connection c) {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Duration.ofSeconds(30).toSeconds());
            s.execute("select pg_advisory_lock(" + MigrationLock.KEY + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }
}
