package io.rectify.platform.reliability;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.platform.support.WidgetLedger;
import io.rectify.platform.support.WidgetRecorded;
import io.rectify.platform.testing.StandaloneBroker;
import io.rectify.platform.testing.StandaloneBrokerResource;
import io.rectify.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay and the idempotent consumer against a real PostgreSQL and a real Kafka broker
 * process of this test's own, which is stopped and restarted in the middle of a relay run.
 */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
class ReliableMessagingTest {

    @Inject
    WidgetLedger ledger;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    private StandaloneBroker broker() {
        return StandaloneBrokerResource.broker();
    }

    private TopicProbe probe() {
        return new TopicProbe(broker().bootstrapServers());
    }

    @Test
    void nothingIsLostWhenTheBrokerStopsAndRestartsDuringARelayRun() {
        String widget = "outage-" + UUID.randomUUID();
        int total = 600;
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> IntStream.range(0, total).forEach(seq -> ledger.record(widget, seq)));

        await("some events published before the outage").atMost(Duration.ofSeconds(60)).until(() -> published(widget) >= 50);
        broker().stop();
        load.join();
        long pendingDuringOutage = pending(widget);
        assertThat(pendingDuringOutage).as("rows kept while the broker is down").isPositive();
        assertThat(ledger.ledgerRows(widget)).isEqualTo(total);

        broker().start();
        await("every row published after the restart").atMost(Duration.ofSeconds(120)).until(() -> pending(widget) == 0);

        List<ConsumerRecord<String, String>> records = probe().readAll(prefix + WidgetRecorded.TOPIC, r -> widget.equals(r.key()));
        Set<Integer> firstSeen = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            firstSeen.add(EventJson.read(r.value(), WidgetRecorded.class).seq());
        }
        assertThat(firstSeen).as("every committed event is on the topic, in order per key")
                .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
        await("the consumer applied each event exactly once").atMost(Duration.ofSeconds(120))
                .until(() -> ledger.effects(widget) == total);
        System.out.printf("broker outage: %d events, %d pending during the outage, %d records on the topic (%d redelivered), %d effects%n",
                total, pendingDuringOutage, records.size(), records.size() - total, ledger.effects(widget));
    }

    @Test
    void aRolledBackTransactionLeavesNeitherStateNorEvent() {
        String widget = "rollback-" + UUID.randomUUID();
        assertThatThrownBy(() -> ledger.recordThenFail(widget, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.ledgerRows(widget)).isZero();
        assertThat(pending(widget) + published(widget)).isZero();
    }

    @Test
    void eventsAppendedTogetherArePublishedOnceAndInOrder() {
        String widget = "batch-" + UUID.randomUUID();
        ledger.recordAll(widget, 1_200); // more than one multi-row INSERT

        await("every appended row published").atMost(Duration.ofSeconds(60)).until(() -> published(widget) == 1_200);
        List<ConsumerRecord<String, String>> records = probe().readAll(prefix + WidgetRecorded.TOPIC, r -> widget.equals(r.key()));
        assertThat(records.stream().map(r -> EventJson.read(r.value(), WidgetRecorded.class).seq()).toList())
                .isEqualTo(IntStream.rangeClosed(1, 1_200).boxed().toList());
        assertThat(records).allSatisfy(r -> assertThat(r.headers().lastHeader(CloudEvent.H_TYPE).value())
                .isEqualTo("rectify.test.WidgetRecorded.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aDuplicateDeliveryHasNoSecondEffect() {
        String widget = "duplicate-" + UUID.randomUUID();
        CloudEvent event = envelope(widget);
        String json = EventJson.write(new WidgetRecorded(widget, 1, false));
        probe().publish(prefix + WidgetRecorded.TOPIC, widget, event, json);
        probe().publish(prefix + WidgetRecorded.TOPIC, widget, event, json);
        // a later event on the same key (same partition) proves the duplicate was consumed before it
        probe().publish(prefix + WidgetRecorded.TOPIC, widget, envelope(widget), EventJson.write(new WidgetRecorded(widget, 2, false)));

        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.effects(widget) >= 2);
        assertThat(ledger.effects(widget)).as("two distinct events, one of them delivered twice").isEqualTo(2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String widget = "poison-" + UUID.randomUUID();
        String topic = prefix + WidgetRecorded.TOPIC;
        probe().publishRaw(topic, widget, "{not json", Map.of());
        probe().publish(topic, widget, envelope(widget), EventJson.write(new WidgetRecorded(widget, 1, true)));
        probe().publish(topic, widget, envelope(widget), EventJson.write(new WidgetRecorded(widget, 2, false)));

        await("the good record after the poison is processed").atMost(Duration.ofSeconds(60)).until(() -> ledger.effects(widget) == 1);
        String dlq = prefix + Topics.deadLetter(WidgetRecorded.TOPIC, "platform-test");
        await("both poison records parked").atMost(Duration.ofSeconds(30))
                .until(() -> probe().readAll(dlq, r -> widget.equals(r.key())).size() == 2);
        List<ConsumerRecord<String, String>> parked = new ArrayList<>(probe().readAll(dlq, r -> widget.equals(r.key())));
        assertThat(parked).extracting(ConsumerRecord::value).anyMatch(v -> v.contains("not json"));
        assertThat(parked).extracting(r -> TopicProbe.header(r, "dead-letter-reason")).allMatch(reason -> reason != null && !reason.isBlank());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("rectify_consumer_dead_lettered_total\\{consumer=\"platform-test\".*} [2-9]");
    }

    private CloudEvent envelope(String widget) {
        return new CloudEvent(UUID.randomUUID(), CloudEvent.typeOf("test", "WidgetRecorded"), "/platform-test", widget, Instant.now());
    }

    private long published(String widget) {
        return count("select count(*) from outbox_event where aggregateid = ?1 and published_at is not null", widget);
    }

    private long pending(String widget) {
        return count("select count(*) from outbox_event where aggregateid = ?1 and published_at is null", widget);
    }

    private long count(String sql, String widget) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, widget).getSingleResult()).longValue());
    }
}
