package io.rectify.scoring.service;

import io.rectify.contracts.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * How an index change reaches the {@link IndexStream} of every replica: a PostgreSQL notification on
 * {@link #CHANNEL}, queued in the transaction that stores the answer. PostgreSQL delivers it to every
 * listening session, so to every scoring instance sharing the database, only once that transaction
 * committed (a rolled-back change is never shown) and in commit order. Before, the change was fired
 * in-process after the commit, so a stream client saw only the changes its own replica computed.
 */
public final class IndexChangeNotices {

    /** One channel per database: each test or deployment database has its own. */
    public static final String CHANNEL = "rectify_index_changes";

    private IndexChangeNotices() {
    }

    /** Queues one notice per change on {@code connection}'s current transaction (one statement for all). */
    public static void send(Connection connection, List<IndexChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        // a notice's payload must stay under 8000 bytes: one change is a few hundred
        String[] payloads = changes.stream().map(EventJson::write).toArray(String[]::new);
        try (PreparedStatement ps = connection.prepareStatement("select pg_notify(?, payload) from unnest(?::text[]) as payload")) {
            ps.setString(1, CHANNEL);
            ps.setArray(2, connection.createArrayOf("text", payloads));
            ps.executeQuery().close();
        }
    }

    static IndexChange read(String payload) {
        return EventJson.read(payload, IndexChange.class);
    }
}
