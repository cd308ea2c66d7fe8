package io.rectify.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Runs one consumed record through the idempotent-consumer steps: parse the envelope, skip a duplicate,
 * apply the effect, all in the caller's transaction. A failure is counted
 * ({@code rectify_consumer_dead_lettered_total}) and rethrown, so the transaction rolls back and the
 * channel's {@code dead-letter-queue} failure strategy parks the record while the consumer carries on.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    MeterRegistry registry;

    /** @return {@code true} if the effect ran, {@code false} for a duplicate */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        try {
            IncomingEvent event = IncomingEvent.of(record);
            if (!processed.firstTime(consumer, event.id())) {
                registry.counter("rectify.consumer.duplicates", "consumer", consumer).increment();
                LOG.debugf("%s skipped duplicate event %s", consumer, event.id());
                return false;
            }
            effect.accept(event);
            registry.counter("rectify.consumer.processed", "consumer", consumer).increment();
            return true;
        } catch (RuntimeException e) {
            registry.counter("rectify.consumer.dead.lettered", "consumer", consumer, "topic", record.topic()).increment();
            LOG.warnf("%s cannot process %s/%d@%d, sending it to the dead-letter topic: %s",
                    consumer, record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
    }
}
