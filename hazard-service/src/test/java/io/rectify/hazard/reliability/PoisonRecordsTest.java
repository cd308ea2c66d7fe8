package io.rectify.hazard.reliability;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.Topics;
import io.rectify.hazard.messaging.InspectionEventsConsumer;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.reliability.PoisonRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6 for hazard-service on inspection.events: every kind of poison, for each event type it handles,
 * lands on inspection.events.hazard.dlq; the valid event behind it (same key, so same partition) is
 * applied; the dead-letter counter counts each one.
 */
@QuarkusTest
class PoisonRecordsTest extends HazardTestBase {

    @TestHTTPResource("/")
    URI base;

    @Test
    void poisonOnInspectionEventsIsParkedCountedAndTheConsumerCarriesOn() {
        String key = "poison-" + UUID.randomUUID();
        String topic = prefix + Topics.INSPECTION_EVENTS;
        double countedBefore = PoisonRecords.deadLettered(base, InspectionEventsConsumer.CONSUMER);
        List<PoisonRecords.Poison> poison = new ArrayList<>(PoisonRecords.of(CloudEvent.typeOf("inspection", "FindingConfirmed"), key));
        poison.addAll(PoisonRecords.of(CloudEvent.typeOf("inspection", "CountyRegistered"), key));
        int sent = PoisonRecords.publish(KAFKA, topic, key, poison);

        // a valid event under the same key, so it queues behind the poison on the same partition
        Place place = new Place("P" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(), "City P", "Province P");
        publishInspectionEvent(key, UUID.randomUUID(), "CountyRegistered", io.rectify.contracts.EventJson.write(
                new io.rectify.contracts.inspection.CountyRegistered(place.county(), "County P", place.city(), place.province(), "LEAD", "KEY", java.time.Instant.now())));

        Awaitility.await("the valid event behind the poison is applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given(admin()).get("/api/v1/counties/" + place.county() + "/hazard-summary").statusCode() == 200);
        String dlq = prefix + Topics.deadLetter(Topics.INSPECTION_EVENTS, InspectionEventsConsumer.CONSUMER);
        List<ConsumerRecord<String, String>> parked = Awaitility.await("every poison record parked").atMost(Duration.ofSeconds(30))
                .until(() -> KAFKA.readAll(dlq, r -> key.equals(r.key())), l -> l.size() >= sent);
        double counted = PoisonRecords.deadLettered(base, InspectionEventsConsumer.CONSUMER) - countedBefore;

        System.out.printf("R6 hazard-service inspection.events: %d poison records sent, %d on %s, %.0f counted, valid event after them applied%n",
                sent, parked.size(), dlq, counted);
        assertThat(parked).hasSize(sent);
        assertThat(counted).isGreaterThanOrEqualTo(sent);
    }
}
