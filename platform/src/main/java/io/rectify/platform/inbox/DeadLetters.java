package io.rectify.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.rectify.platform.kafka.KafkaClientSettings;
import io.rectify.platform.outbox.ReliableProducers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parks one record of a batch on the channel's dead-letter topic. A batch channel acknowledges or
 * refuses all its records at once, so it cannot leave the poison to the channel's failure strategy: the
 * batch consumer parks each poison record here (same topic and headers as SmallRye's dead-letter queue),
 * waits for the broker's acknowledgement, and only then lets the batch be acknowledged.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    KafkaClientSettings kafka;

    private KafkaProducer<String, String> producer;

    /** Sends the record, with the reason in its headers, to the dead-letter topic of {@code channel}; blocks until acknowledged. */
    public void park(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(topicOf(channel), record.key(), record.value());
        for (Header h : record.headers()) {
            parked.headers().add(h);
        }
        header(parked, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(parked, "dead-letter-exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            header(parked, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
        }
        header(parked, "dead-letter-topic", record.topic());
        header(parked, "dead-letter-partition", Integer.toString(record.partition()));
        header(parked, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(parked).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + EventConsumer.where(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + EventConsumer.where(record) + ": " + e.getMessage(), e);
        }
    }

    static String topicOf(String channel) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel); // SmallRye's default name
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = ReliableProducers.create(kafka.connection(), "rectify-dead-letters", Map.of());
        }
        return producer;
    }

    synchronized void onStop(@Observes ShutdownEvent ignored) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
