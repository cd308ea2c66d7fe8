package io.rectify.notification.reliability;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.Topics;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.platform.testing.TopicProbe;
import io.rectify.platform.testing.reliability.PoisonRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.rectify.notification.support.NotificationFixtures.chase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6 for notification-service on hazard.events: every kind of poison lands on
 * hazard.events.notification.dlq, the valid event behind it (same key, same partition) opens its
 * chase, and the dead-letter counter counts each one.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class PoisonRecordsTest {

    private static final String CONSUMER = "notification";

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @Test
    void poisonOnHazardEventsIsParkedCountedAndTheConsumerCarriesOn() {
        TopicProbe kafka = new TopicProbe(RectifyTestResources.BOOTSTRAP);
        HazardStory valid = new HazardStory(prefix, HazardStory.Place.fresh(), "GENERAL", Instant.now().plus(Duration.ofDays(5)));
        String key = valid.id.toString();
        double countedBefore = PoisonRecords.deadLettered(base, CONSUMER);
        List<PoisonRecords.Poison> poison = new ArrayList<>(PoisonRecords.of(CloudEvent.typeOf("hazard", "HazardReported"), key));
        poison.addAll(PoisonRecords.of(CloudEvent.typeOf("hazard", "HazardSignedOff"), key));
        int sent = PoisonRecords.publish(kafka, prefix + Topics.HAZARD_EVENTS, key, poison);
        valid.reported();

        Awaitility.await("the valid event behind the poison opens its chase").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> chase(valid.id) != null);
        String dlq = prefix + Topics.deadLetter(Topics.HAZARD_EVENTS, CONSUMER);
        List<ConsumerRecord<String, String>> parked = Awaitility.await("every poison record parked").atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(dlq, r -> key.equals(r.key())), l -> l.size() >= sent);
        double counted = PoisonRecords.deadLettered(base, CONSUMER) - countedBefore;

        System.out.printf("R6 notification-service hazard.events: %d poison records sent, %d on %s, %.0f counted, valid event after them applied%n",
                sent, parked.size(), dlq, counted);
        assertThat(parked).hasSize(sent);
        assertThat(counted).isGreaterThanOrEqualTo(sent);
    }
}
