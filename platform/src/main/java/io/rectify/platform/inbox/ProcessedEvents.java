package io.rectify.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The consumer side of exactly-once effects: an event id is recorded in the same transaction as the
 * effect, so a redelivered event finds its id and is skipped, and a rolled-back effect leaves no id.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records the event as processed by {@code consumer}.
     *
     * @return {@code true} the first time, {@code false} for a duplicate (do nothing then)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        return em.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /**
     * Records a batch of events as processed by {@code consumer} with one statement.
     *
     * @return the ids recorded now; the others were processed before (duplicates: do nothing for them)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstTimes(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) as ids(id) on conflict do nothing returning event_id""")) {
                ps.setString(1, consumer);
                ps.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }
}
