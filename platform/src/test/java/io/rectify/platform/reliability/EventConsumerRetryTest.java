package io.rectify.platform.reliability;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.platform.inbox.EventConsumer;
import io.rectify.platform.testing.StandaloneBrokerResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link EventConsumer#process}: a database outage while a record is processed is waited out (the record
 * is tried again in a new transaction), while a failure of the record itself is dead-lettered at once.
 */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
class EventConsumerRetryTest {

    @Inject
    EventConsumer consumer;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Test
    void aDatabaseOutageIsRetriedUntilItPassesAndNothingIsDeadLettered() {
        String name = "retry-" + UUID.randomUUID();
        ConsumerRecord<String, String> record = record();
        AtomicInteger tries = new AtomicInteger();

        boolean ran = consumer.process(name, record, event -> {
            if (tries.incrementAndGet() <= 2) {
                throw new IllegalStateException("Unable to acquire JDBC Connection",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
        });

        assertThat(ran).isTrue();
        assertThat(tries).hasValue(3);
        assertThat(processedRows(name)).isEqualTo(1); // the failed tries rolled their processed_event row back
        assertThat(count("rectify.consumer.transient.retries", name)).isEqualTo(2);
        assertThat(count("rectify.consumer.dead.lettered", name)).isZero();
        assertThat(consumer.process(name, record, event -> tries.incrementAndGet())).isFalse(); // a redelivery is a duplicate
        assertThat(tries).hasValue(3);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAtOnce() {
        String name = "poison-" + UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> consumer.process(name, record(), event -> {
            tries.incrementAndGet();
            throw new IllegalArgumentException("unusable payload");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(tries).hasValue(1);
        assertThat(processedRows(name)).isZero();
        assertThat(count("rectify.consumer.dead.lettered", name)).isEqualTo(1);
        assertThat(count("rectify.consumer.transient.retries", name)).isZero();
    }

    private static ConsumerRecord<String, String> record() {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("widget.events", 0, 42L, "w-1", "{\"widget\":\"w-1\"}");
        new CloudEvent(UUID.randomUUID(), "rectify.widget.WidgetRecorded.v1", "/platform-test", "w-1", Instant.now())
                .headers().forEach((k, v) -> r.headers().add(new RecordHeader(k, v)));
        return r;
    }

    private long processedRows(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    private double count(String meter, String name) {
        var c = registry.find(meter).tag("consumer", name).counter();
        return c == null ? 0 : c.count();
    }
}
