package io.rectify.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place the connection settings of every Kafka client come from. The SmallRye connectors read
 * the {@code kafka.*} configuration (Quarkus' {@code default-kafka-broker} map); the clients the platform
 * and the services build themselves (outbox relay, dead letters, scoring's rebuild) take the same
 * connection settings from here, so the TLS or SASL settings an operator adds as {@code kafka.security.protocol},
 * {@code kafka.sasl.*} or {@code kafka.ssl.*} reach every client, not only the connectors.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /** Bootstrap servers and the security settings, ready to be extended with a client's own settings. */
    public Map<String, Object> connection() {
        return connectionOf(broker);
    }

    /** The connection settings with a client's own settings added (client id, timeouts). */
    public Map<String, Object> connectionWith(Map<String, Object> settings) {
        Map<String, Object> config = connection();
        config.putAll(settings);
        return config;
    }

    /** The entries of {@code kafkaConfig} that say how to reach and authenticate to the broker (pure: unit-tested). */
    public static Map<String, Object> connectionOf(Map<String, ?> kafkaConfig) {
        Map<String, Object> connection = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (isConnectionSetting(key) && value != null) {
                connection.put(key, value);
            }
        });
        if (!connection.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("kafka.bootstrap.servers is not configured");
        }
        return connection;
    }

    static boolean isConnectionSetting(String key) {
        return key.equals("bootstrap.servers") || key.equals("client.dns.lookup") || key.equals("security.protocol")
                || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
