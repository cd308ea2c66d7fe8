package io.rectify.platform.schema;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One instance at a time migrates a database. Flyway locks each history on its own, and a service has two
 * (its own and the platform's, {@link PlatformMigrations}) plus {@code afterMigrate.sql}'s grants, which run
 * outside both: two replicas started together on a new version once ran one's {@code GRANT}s against the
 * other's {@code ALTER TABLE} ({@code tuple concurrently updated}) and one of them failed to start. So the
 * first migration event of a start takes a session-level advisory lock on a connection of its own, and the
 * lock is held until the application has started ({@link PlatformMigrationsHook} releases it) or the
 * process ends; a second instance waits for it, then finds nothing left to migrate.
 */
final class MigrationLock {

    private static final Logger LOG = Logger.getLogger(MigrationLock.class);
    /** Any constant will do: advisory locks are per database, and only migrations take this one. */
    static final long KEY = 0x5265637469667931L; // "Rectify1"

    private static Connection held;

    private MigrationLock() {
    }

    /** Takes the lock (waiting for another instance's migrations) unless this start already holds it. */
    static synchronized void acquire(DataSource ds) {
        if (held != null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            Connection c = ds.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + KEY + ")");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            held = c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the migration lock: " + e.getMessage(), e);
        }
        long waited = (System.nanoTime() - t0) / 1_000_000;
        if (waited > 1_000) {
            LOG.infof("waited %d ms for another instance's migrations", waited);
        }
    }

    /** Lets the next instance migrate; closing the session releases the lock. */
    static synchronized void release() {
        if (held == null) {
            return;
        }
        try {
            held.close();
        } catch (SQLException e) {
            LOG.debugf("closing the migration lock's session: %s", e.getMessage()); // the lock ends with the session anyway
        }
        held = null;
    }
}
