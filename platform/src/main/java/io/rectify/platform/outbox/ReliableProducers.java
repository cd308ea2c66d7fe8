package io.rectify.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** The plain Kafka producers the platform writes with itself (outbox relay, dead letters): acks=all, idempotent, text. */
public final class ReliableProducers {

    private ReliableProducers() {
    }

    /**
     * @param connection bootstrap servers and security settings ({@link io.rectify.platform.kafka.KafkaClientSettings#connection()})
     * @param settings   more producer settings (timeouts, linger), added to the common ones
     */
    public static KafkaProducer<String, String> create(Map<String, Object> connection, String clientId, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(settings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
