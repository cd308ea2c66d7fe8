package io.rectify.platform.outbox;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
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

    /** Appends an event for {@code topic} (a name of {@link io.rectify.contracts.Topics}); returns its event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, EventPayload payload) {
        return append(topic, payload, Instant.now());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, EventPayload payload, Instant occurredAt) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.aggregateType = payload.domain();
        row.aggregateId = payload.aggregateId();
        row.type = payload.cloudEventType();
        row.topic = topic;
        row.payload = EventJson.write(payload);
        row.occurredAt = occurredAt;
        row.persist();
        wakeRelayAfterCommit();
        return row.eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) == null) {
            transactions.putResource(Outbox.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    relay.wake();
                }
            });
        }
    }
}
