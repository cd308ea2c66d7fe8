package io.rectify.scoring.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.Topics;
import io.rectify.platform.testing.reliability.PoisonRecords;
import io.rectify.scoring.messaging.ScoringConsumers;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6 for scoring-service on both topics it consumes: every kind of poison lands on the topic's
 * scoring DLQ, the valid event behind it (same key, same partition) is processed, and the
 * dead-letter counter counts each one.
 */
@QuarkusTest
class PoisonRecordsTest extends ScoringTestBase {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonOnInspectionEventsIsParkedCountedAndTheConsumerCarriesOn() {
        CountyStory county = CountyStory.create();
        List<PoisonRecords.Poison> poison = new ArrayList<>(PoisonRecords.of(CloudEvent.typeOf("inspection", "CountyRegistered"), county.code));
        poison.addAll(PoisonRecords.of(CloudEvent.typeOf("inspection", "InspectionCompleted"), county.code));
        check(Topics.INSPECTION_EVENTS, county.code, poison, () -> upstream.publish(county.registered()));
    }

    @Test
    void poisonOnHazardEventsIsParkedCountedAndTheConsumerCarriesOn() {
        CountyStory county = CountyStory.create();
        upstream.publish(county.registered());
        CountyStory.Hazard hazard = county.hazard("GENERAL", Instant.now().plus(Duration.ofDays(10)));
        String key = hazard.id.toString();
        List<PoisonRecords.Poison> poison = new ArrayList<>(PoisonRecords.of(CloudEvent.typeOf("hazard", "HazardReported"), key));
        poison.addAll(PoisonRecords.of(CloudEvent.typeOf("hazard", "HazardSignedOff"), key));
        check(Topics.HAZARD_EVENTS, key, poison, () -> upstream.publish(hazard.reported("OPEN", 0)));
    }

    private void check(String topic, String key, List<PoisonRecords.Poison> poison, java.util.function.Supplier<UUID> valid) {
        double countedBefore = PoisonRecords.deadLettered(base, ScoringConsumers.CONSUMER);
        int sent = PoisonRecords.publish(upstream.probe(), upstream.topic(topic), key, poison);
        UUID validEvent = valid.get();

        Awaitility.await("the valid event behind the poison is processed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> processed(validEvent));
        String dlq = upstream.topic(Topics.deadLetter(topic, ScoringConsumers.CONSUMER));
        List<ConsumerRecord<String, String>> parked = Awaitility.await("every poison record parked").atMost(Duration.ofSeconds(30))
                .until(() -> upstream.probe().readAll(dlq, r -> key.equals(r.key())), l -> l.size() >= sent);
        double counted = PoisonRecords.deadLettered(base, ScoringConsumers.CONSUMER) - countedBefore;

        System.out.printf("R6 scoring-service %s: %d poison records sent, %d on %s, %.0f counted, valid event after them processed%n",
                topic, sent, parked.size(), dlq, counted);
        assertThat(parked).hasSize(sent);
        assertThat(counted).isGreaterThanOrEqualTo(sent);
    }

    private boolean processed(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from processed_event where consumer = ? and event_id = ?")) {
            st.setString(1, ScoringConsumers.CONSUMER);
            st.setObject(2, eventId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }
}
