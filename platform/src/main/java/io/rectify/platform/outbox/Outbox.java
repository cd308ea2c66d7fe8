package io.rectify.platform.outbox;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import io.rectify.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events to the outbox table inside the caller's transaction: the event exists if and only if
 * the state change committed. After the commit the relay is woken so the event leaves at once.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    /** Appends an event for {@code topic} (a name of {@link io.rectify.contracts.Topics}); returns its event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, EventPayload payload) {
        return append(topic, payload, Instant.now());
    }

    /**
     * One row by one plain INSERT on the transaction's connection: the same statement {@link #appendAll}
     * sends, without an entity in the persistence context (an identity-keyed persist cost ~6 % of a hazard
     * report's CPU in bench P1's profile, bench/RESULTS.md run 9).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, EventPayload payload, Instant occurredAt) {
        return appendAll(topic, List.of(new Entry(payload, occurredAt))).get(0);
    }

    /**
     * An event to append with {@link #appendAll}.
     *
     * @param traceparent the trace the event continues; by default the one current when the entry is made
     */
    public record Entry(EventPayload payload, Instant occurredAt, String traceparent) {
        public Entry(EventPayload payload, Instant occurredAt) {
            this(payload, occurredAt, Traces.current());
        }
    }

    /** Rows per INSERT statement of {@link #appendAll} (PostgreSQL takes at most 65,535 parameters). */
    private static final int ROWS_PER_INSERT = 1000;

    /**
     * Appends many events for {@code topic} with multi-row INSERTs: one round trip per thousand events
     * instead of one each (a dispatcher recording hundreds of deliveries per transaction). Same rules as
     * {@link #append}; the rows get their ids in list order, so they publish in that order.
     *
     * @return the event ids, in the order of {@code entries}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(String topic, List<Entry> entries) {
        List<UUID> ids = new ArrayList<>(entries.size());
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
            ids.addAll(em.unwrap(Session.class).doReturningWork(c -> insert(c, topic, chunk)));
        }
        if (!entries.isEmpty()) {
            wakeRelayAfterCommit();
        }
        return ids;
    }

    private static List<UUID> insert(Connection c, String topic, List<Entry> entries) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload, occurred_at, traceparent) values ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)");
        }
        List<UUID> ids = new ArrayList<>(entries.size());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Entry e : entries) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                ps.setObject(p++, id);
                ps.setString(p++, e.payload().domain());
                ps.setString(p++, e.payload().aggregateId());
                ps.setString(p++, e.payload().cloudEventType());
                ps.setString(p++, topic);
                ps.setString(p++, EventJson.write(e.payload()));
                ps.setObject(p++, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                ps.setString(p++, e.traceparent());
            }
            ps.executeUpdate();
        }
        return ids;
    }

    private void wakeRelayAfterCommit() {
        AfterCompletion.once(transactions, Outbox.class, relay::wake);
    }
}
