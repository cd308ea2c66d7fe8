package io.rectify.platform.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientSettingsTest {

    @Test
    void theSecuritySettingsAnOperatorAddsReachTheHandBuiltClients() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hazard\" password=\"x\";",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "ssl.truststore.type", "PKCS12",
                "devservices.enabled", "false",
                "health-enabled", "true");

        Map<String, Object> connection = KafkaClientSettings.connectionOf(kafka);

        assertThat(connection).containsOnlyKeys("bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location", "ssl.truststore.type");
        assertThat(connection).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void aPlaintextBrokerNeedsOnlyItsAddress() {
        assertThat(KafkaClientSettings.connectionOf(Map.of("bootstrap.servers", "127.0.0.1:9092")))
                .isEqualTo(Map.of("bootstrap.servers", "127.0.0.1:9092"));
    }

    @Test
    void withoutBootstrapServersNoClientCanStart() {
        assertThatThrownBy(() -> KafkaClientSettings.connectionOf(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bootstrap.servers");
    }
}
