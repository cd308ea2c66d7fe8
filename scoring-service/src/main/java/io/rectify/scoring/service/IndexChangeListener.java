package io.rectify.scoring.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Listens on {@link IndexChangeNotices#CHANNEL} and hands every notice to the {@link IndexStream}, so a
 * stream subscriber sees every change whichever replica computed it. A connection of its own, outside
 * the pool: a {@code LISTEN} lives as long as its session and must not go back to the pool. When the
 * connection breaks it listens again after a second; notices sent meanwhile are not replayed (the stream
 * is hot, as before: a subscriber sees the changes while it is connected).
 */
@ApplicationScoped
public class IndexChangeListener {

    private static final Logger LOG = Logger.getLogger(IndexChangeListener.class);
    private static final int WAIT_MILLIS = 500;

    @Inject
    IndexStream stream;

    @Inject
    ManagedExecutor executor;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private volatile boolean running;
    private volatile boolean listening;

    void onStart(@Observes StartupEvent ignored) {
        running = true;
        executor.execute(this::listenUntilStopped);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        running = false;
    }

    /** Whether the listening session is up (tests wait for it before they cause a change). */
    public boolean listening() {
        return listening;
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + IndexChangeNotices.CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            deliver(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("index-stream listener lost its database session (%s); listening again in 1 s", e.getMessage());
                    pause();
                }
            } finally {
                listening = false;
            }
        }
    }

    private void deliver(String payload) {
        try {
            stream.publish(IndexChangeNotices.read(payload));
        } catch (RuntimeException e) {
            LOG.warnf("index-stream notice skipped: %s", e.getMessage());
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
