package io.rectify.scenarios.data;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes generated events fast: one idempotent producer with large batches and a short linger, sends
 * without waiting per record, one flush at the end. A failed send fails the whole run (no silent gaps).
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "rectify-data-generator"),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends the next {@code count} events of {@code events} to {@code topic} and waits for every acknowledgement. */
    public void publish(String topic, Iterator<GeneratedEvent> events, long count) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (long i = 0; i < count && failure.get() == null; i++) {
            producer.send(events.next().toRecord(topic), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
